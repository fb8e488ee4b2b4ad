namespace SweLego.Tasks.Git;

/// <summary>
/// A git command failed, or a repository is not in a state the caller can work with (not a
/// repository, unknown commit, leaks left after sanitization). The message is one line that
/// names the command, the exit code and git's own error text, so a CLI can print it as is.
/// </summary>
public sealed class GitException : Exception
{
    public GitException()
    {
    }

    public GitException(string message)
        : base(message)
    {
    }

    public GitException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public GitException(string command, int exitCode, string standardError, string workingDirectory)
        : base(FormatMessage(command, exitCode, standardError, workingDirectory))
    {
        Command = command;
        ExitCode = exitCode;
        StandardError = standardError;
    }

    /// <summary>The command line that failed (<c>git …</c>), when the failure came from git.</summary>
    public string? Command { get; }

    /// <summary>git's exit code, when the failure came from git.</summary>
    public int? ExitCode { get; }

    /// <summary>git's standard error, unchanged.</summary>
    public string? StandardError { get; }

    private static string FormatMessage(string command, int exitCode, string standardError, string workingDirectory)
    {
        var error = OneLine(standardError);
        return $"{command} failed with exit code {exitCode} in {workingDirectory}" + (error.Length == 0 ? "" : $": {error}");
    }

    internal static string OneLine(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
