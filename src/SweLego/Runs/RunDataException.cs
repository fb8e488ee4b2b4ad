namespace SweLego.Runs;

/// <summary>
/// Data in a run folder is not what the code expects: a corrupt line in the middle of a JSONL
/// file, a missing or unreadable manifest, or a format version newer than this build.
/// The message names the file (and line) so the user can inspect or repair it.
/// </summary>
public sealed class RunDataException : Exception
{
    public RunDataException()
    {
    }

    public RunDataException(string message)
        : base(message)
    {
    }

    public RunDataException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public RunDataException(string message, string path, int? lineNumber = null, Exception? innerException = null)
        : base(message, innerException)
    {
        FilePath = path;
        LineNumber = lineNumber;
    }

    /// <summary>The file that holds the bad data, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The 1-based line number of the bad record, for JSONL files.</summary>
    public int? LineNumber { get; }
}
