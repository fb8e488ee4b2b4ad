namespace SweLego.Environments.Inference;

/// <summary>
/// What a <c>setup.py</c> declares in its <c>setup(...)</c> call, read statically. Keywords
/// whose values are not literals (computed at run time) are listed in <see cref="Unresolved"/>
/// rather than guessed.
/// </summary>
public sealed record SetupPyMetadata
{
    public string? Name { get; init; }
    public string? PythonRequires { get; init; }
    public IReadOnlyList<string> InstallRequires { get; init; } = [];
    public IReadOnlyList<string> SetupRequires { get; init; } = [];
    public IReadOnlyList<string> TestsRequire { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExtrasRequire { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public string? Version { get; init; }

    /// <summary><c>package_dir</c>: package ("" = every package) → folder.</summary>
    public IReadOnlyDictionary<string, string> PackageDir { get; init; } = new Dictionary<string, string>();

    /// <summary>A literal <c>packages</c> list (dotted names).</summary>
    public IReadOnlyList<string> Packages { get; init; } = [];

    /// <summary>The folder a <c>packages=find_packages(...)</c> call searches ("." when it names none); null without such a call.</summary>
    public string? FindWhere { get; init; }

    public IReadOnlyList<string> PyModules { get; init; } = [];

    /// <summary><c>entry_points["console_scripts"]</c> entries, <c>name = module:function</c>.</summary>
    public IReadOnlyList<string> ConsoleScripts { get; init; } = [];

    /// <summary>Every keyword of the call with the line it is on (e.g. to name <c>ext_modules</c>).</summary>
    public IReadOnlyDictionary<string, int> KeywordLines { get; init; } = new Dictionary<string, int>();

    /// <summary>Keywords present in the call whose values could not be read without running the file.</summary>
    public IReadOnlyList<string> Unresolved { get; init; } = [];
}
