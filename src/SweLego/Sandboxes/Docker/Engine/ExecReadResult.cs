namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>Bytes read by <see cref="ExecStream.ReadChunkAsync"/> and the stream they came from; Count 0 means end.</summary>
public readonly record struct ExecReadResult(int Count, ExecStreamKind Stream);
