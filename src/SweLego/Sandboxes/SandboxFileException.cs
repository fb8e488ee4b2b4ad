namespace SweLego.Sandboxes;

/// <summary>
/// A file operation of <see cref="ISandboxSession"/> (read, write, copy) failed for a reason of the path itself:
/// every backend throws this type, with <see cref="Problem"/> and a message <c>'PATH' REASON</c> worded the same.
/// </summary>
public sealed class SandboxFileException : SandboxException
{
    public SandboxFileException() { }

    public SandboxFileException(string message) : base(message) { }

    public SandboxFileException(string message, Exception innerException) : base(message, innerException) { }

    public SandboxFileException(SandboxFileProblem problem, string path, string? workdir = null, Exception? innerException = null)
        : base(Describe(problem, path, workdir), innerException!)
    {
        Problem = problem;
        SandboxPath = path;
    }

    public SandboxFileProblem Problem { get; }

    /// <summary>The sandbox path as the caller gave it.</summary>
    public string SandboxPath { get; } = "";

    private static string Describe(SandboxFileProblem problem, string path, string? workdir) => problem switch
    {
        SandboxFileProblem.NotFound => $"'{path}' does not exist in the sandbox.",
        SandboxFileProblem.NotAFile => $"'{path}' is not a file (it, or a folder on its path, is the wrong kind).",
        SandboxFileProblem.OutsideWorkspace => $"'{path}' is outside the workspace {workdir}; only the workspace is writable.",
        SandboxFileProblem.PermissionDenied => $"'{path}' cannot be accessed: permission denied.",
        _ => $"'{path}': {problem}.",
    };

    /// <summary>The contract's exception for a host-side I/O error on <paramref name="hostPath"/> (bwrap's file access), or null for another error.</summary>
    internal static SandboxFileException? FromHost(Exception error, string path, string hostPath) => error switch
    {
        FileNotFoundException or DirectoryNotFoundException when File.Exists(hostPath) is false && Directory.Exists(hostPath) is false && !ParentIsFile(hostPath)
            => new SandboxFileException(SandboxFileProblem.NotFound, path, null, error),
        FileNotFoundException or DirectoryNotFoundException or IOException when ParentIsFile(hostPath)
            => new SandboxFileException(SandboxFileProblem.NotAFile, path, null, error),
        UnauthorizedAccessException or IOException when Directory.Exists(hostPath)
            => new SandboxFileException(SandboxFileProblem.NotAFile, path, null, error),
        UnauthorizedAccessException => new SandboxFileException(SandboxFileProblem.PermissionDenied, path, null, error),
        _ => null,
    };

    private static bool ParentIsFile(string hostPath)
    {
        for (string? parent = Path.GetDirectoryName(hostPath); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent)) return true;
            if (Directory.Exists(parent)) return false;
        }

        return false;
    }
}
