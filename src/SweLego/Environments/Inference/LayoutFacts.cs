namespace SweLego.Environments.Inference;

/// <summary>
/// What the configuration files say about where the project's importable code is and how it is
/// built, gathered from pyproject.toml (setuptools, flit, hatch, poetry, pdm tables), setup.cfg and
/// setup.py before <see cref="SourceLayout"/> turns it into a <see cref="SourceInstall"/>.
/// Paths are relative to the repository root, with <c>/</c>.
/// </summary>
internal sealed class LayoutFacts
{
    public string? Name { get; set; }
    public string? Version { get; set; }
    public string? BuildBackend { get; set; }
    public List<string> BuildRequires { get; } = [];

    /// <summary>setuptools <c>package-dir</c> / <c>package_dir</c>: package ("" = every package) → folder.</summary>
    public Dictionary<string, string> PackageDir { get; } = new(StringComparer.Ordinal);

    /// <summary>Folders setuptools' <c>find_packages</c>/<c>packages.find</c> searches (<c>where</c>).</summary>
    public List<string> FindWhere { get; } = [];

    /// <summary>setuptools' explicit <c>packages</c> (dotted names).</summary>
    public List<string> Packages { get; } = [];

    public List<string> PyModules { get; } = [];

    /// <summary>flit's module (<c>[tool.flit.module] name</c>); flit's default is the project name.</summary>
    public string? FlitModule { get; set; }

    /// <summary>hatch wheel <c>packages</c> (folders whose last component is the package).</summary>
    public List<string> HatchPackages { get; } = [];

    /// <summary>hatch wheel <c>sources</c>: path prefix → replacement ("" for a list entry: the prefix is removed).</summary>
    public Dictionary<string, string> HatchSources { get; } = new(StringComparer.Ordinal);

    /// <summary>The folders poetry's <c>packages</c> entries include from (<c>from</c>, "." when absent).</summary>
    public List<string> PoetryFrom { get; } = [];

    /// <summary>pdm <c>[tool.pdm.build] package-dir</c>.</summary>
    public string? PdmPackageDir { get; set; }

    /// <summary>Version files a build backend generates (setuptools-scm, hatch-vcs), as configured.</summary>
    public List<string> VersionFiles { get; } = [];

    /// <summary>
    /// Where a dynamic version is read from: a file (hatch's <c>[tool.hatch.version] path</c>) or a
    /// module attribute (<c>attr: pkg.__version__</c>); flit reads its module's <c>__version__</c>.
    /// </summary>
    public string? VersionFile { get; set; }

    public string? VersionAttribute { get; set; }

    /// <summary>Console scripts: name → <c>module:function</c>.</summary>
    public Dictionary<string, string> Scripts { get; } = new(StringComparer.Ordinal);

    /// <summary>Compiled parts declared in pyproject.toml, each naming where.</summary>
    public List<string> CompiledParts { get; } = [];

    /// <summary>Compiled parts of setup.py (<c>setup.py:12: ext_modules</c>); they count only when setuptools builds the project.</summary>
    public List<string> SetupPyCompiledParts { get; } = [];
}
