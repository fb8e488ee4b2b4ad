namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>Which stream a demultiplexed exec frame came from (the first byte of docker's frame header).</summary>
public enum ExecStreamKind
{
    Stdin = 0,
    Stdout = 1,
    Stderr = 2,

    /// <summary>An error text from the daemon itself (newer daemons), not from the process.</summary>
    DaemonError = 3,
}
