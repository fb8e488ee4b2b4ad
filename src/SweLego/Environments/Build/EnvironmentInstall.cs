namespace SweLego.Environments.Build;

/// <summary>
/// How the project went into its environment: by pip (<see cref="Method"/> <c>pip</c>), or by the
/// source install when pip could not build it (<c>source</c>, with pip's <see cref="Reason"/> and
/// the import roots put on <c>sys.path</c>). Recorded with the environment and every instance.
/// </summary>
public sealed record EnvironmentInstall
{
    public static EnvironmentInstall Pip { get; } = new() { Method = "pip" };

    public required string Method { get; init; }

    /// <summary>Why pip could not install the project (its error, shortened); null for pip.</summary>
    public string? Reason { get; init; }

    /// <summary>Folders the source install put on <c>sys.path</c>, as the sandbox sees them.</summary>
    public IReadOnlyList<string> PathEntries { get; init; } = [];

    /// <summary>Packages served from folders named differently (name → folder).</summary>
    public IReadOnlyDictionary<string, string> Packages { get; init; } = new Dictionary<string, string>();

    /// <summary>Version modules written into the venv because a build backend would have generated them.</summary>
    public IReadOnlyList<string> GeneratedModules { get; init; } = [];

    public bool IsSourceFallback => Method == "source";

    /// <summary>One line for tables and logs.</summary>
    public string Describe() => IsSourceFallback ? $"source install (pip: {Reason})" : "pip";
}
