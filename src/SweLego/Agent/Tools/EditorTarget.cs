namespace SweLego.Agent.Tools;

/// <summary>What a path names in the sandbox, as the editor's checks need it; <see cref="Bytes"/> for a file.</summary>
internal sealed record EditorTarget(EditorTargetKind Kind, byte[]? Bytes = null);

/// <summary>The kinds of <see cref="EditorTarget"/>: Python's <c>exists()</c> is false only for <see cref="Missing"/>.</summary>
internal enum EditorTargetKind
{
    Missing,
    File,
    Directory,

    /// <summary>It exists but reading it is refused.</summary>
    Unreadable,
}
