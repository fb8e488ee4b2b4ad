namespace SweLego.Curation.Export;

/// <summary>Records read so far of <see cref="Total"/> (the curation report's kept count).</summary>
public readonly record struct ExportProgress(int Read, int Total);
