namespace SweLego.Agent.Tools;

/// <summary>
/// The editor's undo history: per file, the texts before its last <see cref="MaxVersionsPerFile"/>
/// edits (aci keeps them on disk; an episode's editor keeps them in memory). Like aci, <c>create</c>
/// records the created text, so undoing a create rewrites the same text.
/// </summary>
internal sealed class EditHistory
{
    public const int MaxVersionsPerFile = 10;

    private readonly Dictionary<string, LinkedList<string>> _versions = new(StringComparer.Ordinal);

    public void Add(string path, string text)
    {
        if (!_versions.TryGetValue(path, out var versions)) _versions[path] = versions = new LinkedList<string>();
        versions.AddLast(text);
        if (versions.Count > MaxVersionsPerFile) versions.RemoveFirst();
    }

    /// <summary>The most recent version, removed from the history; null when there is none.</summary>
    public string? Pop(string path)
    {
        if (!_versions.TryGetValue(path, out var versions) || versions.Last is not { } last) return null;
        versions.RemoveLast();
        return last.Value;
    }
}
