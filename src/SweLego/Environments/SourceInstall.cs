namespace SweLego.Environments;

/// <summary>
/// How to install the project without building it, found statically (<see cref="Inference.SourceLayout"/>):
/// the folders that go on the venv's <c>sys.path</c>, packages whose folder is not named like the
/// package, version files a build backend would have generated, and the distribution's name and
/// version for its metadata. Used when pip cannot build the project because no package index is
/// reachable and the declared build backend (or the version it needs) is not installed; see
/// <see cref="Build.EnvironmentCommands"/>. A project with compiled parts cannot be installed this
/// way: <see cref="NeedsCompiler"/> says why.
/// </summary>
public sealed record SourceInstall
{
    /// <summary>The distribution name (<c>[project] name</c>, setup.cfg/setup.py <c>name</c>, or the folder's).</summary>
    public required string Distribution { get; init; }

    /// <summary>The static version, or <c>0+unknown</c> when it is computed at build time.</summary>
    public string Version { get; init; } = UnknownVersion;

    /// <summary>The declared build backend (<c>[build-system] build-backend</c>), for messages.</summary>
    public string? BuildBackend { get; init; }

    /// <summary>Folders put on <c>sys.path</c>, relative to the repository root (<c>.</c> is the root).</summary>
    public IReadOnlyList<string> PathEntries { get; init; } = [];

    /// <summary>Top-level packages whose folder (relative) is not <c>&lt;path entry&gt;/&lt;name&gt;</c>; served by an import hook.</summary>
    public IReadOnlyDictionary<string, string> Packages { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Modules a build would have generated (setuptools-scm <c>write_to</c>/<c>version_file</c>, hatch-vcs
    /// <c>version-file</c>), by dotted name, with the content written into the venv (never into the checkout);
    /// the import hook serves them only while the checkout has no such file.
    /// </summary>
    public IReadOnlyDictionary<string, string> GeneratedModules { get; init; } = new Dictionary<string, string>();

    /// <summary>Console scripts (<c>[project.scripts]</c>, flit/poetry scripts): name → <c>module:function</c>.</summary>
    public IReadOnlyDictionary<string, string> Scripts { get; init; } = new Dictionary<string, string>();

    /// <summary>Why a source install is impossible (compiled extensions, a compiling build backend), naming the file; null when it is possible.</summary>
    public string? NeedsCompiler { get; init; }

    public const string UnknownVersion = "0+unknown";
}
