namespace SweLego.Sandboxes.Probes;

/// <summary>A probe suite's run on one backend (the <c>sandbox probe --json</c> document).</summary>
public sealed record SandboxProbeReport
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public required string Backend { get; init; }
    public required IReadOnlyList<SandboxProbeResult> Results { get; init; }

    public int Contained => Results.Count(r => r.Status == ProbeStatus.Contained);
    public int NotContained => Results.Count(r => r.Status == ProbeStatus.NotContained);
    public int Errors => Results.Count(r => r.Status == ProbeStatus.Error);

    /// <summary>Every probe held; an error counts as an escape (nothing was shown to hold).</summary>
    public bool AllContained => Results.All(r => r.IsContained);
}
