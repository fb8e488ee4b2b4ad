namespace SweLego.Environments.Inference;

/// <summary>What the configuration files said, gathered before the spec is decided.</summary>
internal sealed class InferenceFacts(string root)
{
    public string Root { get; } = root;
    public bool Installable { get; set; }
    public bool PytestConfigured { get; set; }
    public string? RequiresPython { get; set; }
    public List<string> Requirements { get; } = [];
    public Dictionary<string, List<string>> Extras { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> RequirementFiles { get; } = [];
    public SortedSet<string> Sources { get; } = new(StringComparer.Ordinal);
    public List<string> Notes { get; } = [];

    /// <summary>Where the project's importable code is, for a source install (<see cref="SourceLayout"/>).</summary>
    public LayoutFacts Layout { get; } = new();

    /// <summary>The full path of a repository file if it exists, recording it as a source.</summary>
    public string? Read(string relativePath)
    {
        string path = Path.Combine(Root, relativePath);
        if (!File.Exists(path)) return null;
        Sources.Add(relativePath);
        return path;
    }

    public void AddExtra(string extra, IEnumerable<string> requirements)
    {
        if (!Extras.TryGetValue(extra, out var list)) Extras[extra] = list = [];
        list.AddRange(requirements);
    }
}
