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

    /// <summary>
    /// Keywords that build compiled code (<c>ext_modules</c>, <c>cffi_modules</c>, <c>rust_extensions</c>,
    /// <c>libraries</c>) with a value that is not a literal empty list, each as <c>setup.py:LINE: keyword</c>.
    /// </summary>
    public IReadOnlyList<string> CompiledParts { get; init; } = [];

    /// <summary>Keywords present in the call whose values could not be read without running the file.</summary>
    public IReadOnlyList<string> Unresolved { get; init; } = [];
}
