namespace SweLego.Sandboxes;

/// <summary>Why a file operation of <see cref="ISandboxSession"/> failed, the same on every backend.</summary>
public enum SandboxFileProblem
{
    /// <summary>The path (or a folder on it) does not exist.</summary>
    NotFound,

    /// <summary>A folder where a file is expected, or a file where a folder of the path is expected.</summary>
    NotAFile,

    /// <summary>A write outside the workspace (directly, with <c>..</c> or through a symbolic link).</summary>
    OutsideWorkspace,

    /// <summary>The file system refused the access.</summary>
    PermissionDenied,
}
