namespace SweLego.Agent.Tools;

/// <summary>
/// What a path names in the sandbox, as the editor's checks need it. For a file, <see cref="Bytes"/>
/// is its content and <see cref="Size"/> its length; a file over <see cref="EditorFiles.MaxFileBytes"/>
/// read through the shell brings only its first bytes (enough for the binary test) and its real size.
/// </summary>
internal sealed record EditorTarget(EditorTargetKind Kind, byte[]? Bytes = null, long Size = 0)
{
    public static EditorTarget File(byte[] bytes) => new(EditorTargetKind.File, bytes, bytes.Length);
}

/// <summary>The kinds of <see cref="EditorTarget"/>: Python's <c>exists()</c> is false only for <see cref="Missing"/>.</summary>
internal enum EditorTargetKind
{
    Missing,
    File,
    Directory,

    /// <summary>It exists but reading it is refused.</summary>
    Unreadable,
}
