namespace SweLego.Tasks.Git;

/// <summary>The outcome of one git invocation: exit code and both output streams, decoded as UTF-8.</summary>
public sealed record GitResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Standard output split into non-empty lines (git ends every record with a newline).</summary>
    public IReadOnlyList<string> Lines =>
        StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
