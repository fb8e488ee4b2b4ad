namespace SweLego.Environments.Inference;

/// <summary>
/// Turns <see cref="LayoutFacts"/> into a <see cref="SourceInstall"/>: which folders go on
/// <c>sys.path</c> so the project imports as if installed, without running any build. Explicit
/// configuration wins (setuptools <c>package-dir</c>/<c>packages.find</c>/<c>find_packages</c>, flit's
/// module, hatch's <c>packages</c>/<c>sources</c>, poetry's <c>packages</c>, pdm's <c>package-dir</c>);
/// otherwise the layout setuptools and hatch detect: <c>src/</c> when it holds Python code, else the
/// root (flat layout). Namespace packages need nothing more: their parent folder is on the path.
/// </summary>
internal static class SourceLayout
{
    /// <summary>Build backends and build requirements that compile code.</summary>
    private static readonly string[] CompilingBuild =
        ["maturin", "scikit_build_core", "scikit-build-core", "scikit-build", "mesonpy", "meson-python", "setuptools-rust", "setuptools_rust", "cython", "pybind11", "cffi", "enscons"];

    public static SourceInstall Plan(InferenceFacts found)
    {
        var layout = found.Layout;
        string name = layout.Name ?? Path.GetFileName(found.Root.TrimEnd('/'));
        var entries = new List<string>();
        var packages = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var (package, folder) in layout.PackageDir) AddMapped(package, folder, entries, packages);
        entries.AddRange(layout.FindWhere);
        if (layout.FlitModule is { } || layout.BuildBackend?.StartsWith("flit", StringComparison.Ordinal) == true)
            AddModuleFolder(found.Root, layout.FlitModule ?? ImportName(name), entries);
        foreach (string folder in layout.HatchPackages) entries.Add(Parent(Normalize(folder)));
        foreach (var (prefix, replacement) in layout.HatchSources) AddMapped(replacement.Replace('/', '.').Trim('.'), prefix, entries, packages);
        entries.AddRange(layout.PoetryFrom);
        if (layout.PdmPackageDir is { } pdm) entries.Add(Normalize(pdm));
        if (entries.Count == 0 && packages.Count == 0) entries.Add(HasPythonCode(Path.Combine(found.Root, "src")) ? "src" : ".");

        var distinct = entries.Select(Normalize).Distinct(StringComparer.Ordinal).ToList();
        string version = layout.Version ?? DynamicVersion(found.Root, layout, distinct, name) ?? SourceInstall.UnknownVersion;
        return new SourceInstall
        {
            Distribution = name,
            Version = version,
            BuildBackend = layout.BuildBackend,
            PathEntries = distinct,
            Packages = packages,
            GeneratedModules = GeneratedModules(found, distinct, version),
            Scripts = layout.Scripts,
            NeedsCompiler = NeedsCompiler(layout),
        };
    }

    private static string? NeedsCompiler(LayoutFacts layout)
    {
        var reasons = new List<string>(layout.CompiledParts);
        // Another backend (flit, hatch, ...) never runs setup.py: its ext_modules do not matter.
        if (layout.BuildBackend is null || layout.BuildBackend.StartsWith("setuptools", StringComparison.Ordinal)) reasons.AddRange(layout.SetupPyCompiledParts);
        string? compiling = CompilingBuild.FirstOrDefault(tool =>
            layout.BuildBackend?.StartsWith(tool, StringComparison.OrdinalIgnoreCase) == true
            || layout.BuildRequires.Any(r => EnvironmentInference.RequirementName(r).Equals(tool.Replace('_', '-'), StringComparison.OrdinalIgnoreCase)));
        if (compiling is not null) reasons.Add($"pyproject.toml: [build-system] uses {compiling}");
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    /// <summary>
    /// A package ("" = all of them) served from a folder: the folder's parent goes on the path when
    /// the folder is named like the package, the folder itself for "", an import-hook entry otherwise.
    /// Nested packages ("a.b") follow their top-level package.
    /// </summary>
    private static void AddMapped(string package, string folder, List<string> entries, Dictionary<string, string> packages)
    {
        folder = Normalize(folder);
        if (package.Length == 0) entries.Add(folder);
        else if (package.Contains('.')) return;
        else if (Path.GetFileName(folder) == package) entries.Add(Parent(folder));
        else packages[package] = folder;
    }

    /// <summary>flit's module: a package or a single file, in <c>src/</c> or at the root.</summary>
    private static void AddModuleFolder(string root, string module, List<string> entries)
    {
        string folder = module.Replace('.', '/');
        bool inSrc = Directory.Exists(Path.Combine(root, "src", folder)) || File.Exists(Path.Combine(root, "src", folder + ".py"));
        entries.Add(inSrc ? "src" : ".");
    }

    /// <summary>
    /// Version files a backend would have written, as modules served from the venv while the
    /// checkout lacks them; a file that is committed, outside every path entry or not a .py file is left alone.
    /// </summary>
    private static Dictionary<string, string> GeneratedModules(InferenceFacts found, IReadOnlyList<string> entries, string version)
    {
        var modules = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in found.Layout.VersionFiles.Select(Normalize))
        {
            if (File.Exists(Path.Combine(found.Root, file)) || !file.EndsWith(".py", StringComparison.Ordinal)) continue;
            string? entry = entries.FirstOrDefault(e => e == "." || file.StartsWith(e + "/", StringComparison.Ordinal));
            if (entry is null) continue;
            string relative = entry == "." ? file : file[(entry.Length + 1)..];
            modules[relative[..^3].Replace('/', '.')] =
                $"# Written by swelego's source install, as the build backend would have.\n" +
                $"__version__ = version = {PythonString(version)}\n" +
                $"__version_tuple__ = version_tuple = ({string.Join(", ", version.Split('.', '+').Select(p => int.TryParse(p, out int n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : PythonString(p)))},)\n";
        }

        return modules;
    }

    /// <summary>
    /// A dynamic version written as a literal <c>__version__ = "…"</c> (or the attribute named) in the file
    /// hatch reads, the module a setuptools <c>attr:</c> names, or flit's module; null when it is computed.
    /// </summary>
    private static string? DynamicVersion(string root, LayoutFacts layout, IReadOnlyList<string> entries, string name)
    {
        var files = new List<string>();
        string attribute = "__version__";
        if (layout.VersionFile is { } file) files.Add(file);
        string? module = layout.FlitModule ?? (layout.BuildBackend?.StartsWith("flit", StringComparison.Ordinal) == true ? ImportName(name) : null);
        if (layout.VersionAttribute is { } attr && attr.LastIndexOf('.') is > 0 and var dot)
        {
            module = attr[..dot];
            attribute = attr[(dot + 1)..];
        }

        if (module is not null)
        {
            string path = module.Replace('.', '/');
            files.AddRange(entries.SelectMany(e => (string[])[$"{e}/{path}/__init__.py", $"{e}/{path}.py"]));
        }

        var assignment = new System.Text.RegularExpressions.Regex(
            $@"^{System.Text.RegularExpressions.Regex.Escape(attribute)}\s*(?::\s*str\s*)?=\s*(?<q>['""])(?<v>[^'""]+)\k<q>", System.Text.RegularExpressions.RegexOptions.Multiline);
        foreach (string candidate in files)
        {
            string path = Path.Combine(root, Normalize(candidate));
            if (File.Exists(path) && assignment.Match(File.ReadAllText(path)) is { Success: true } match) return match.Groups["v"].Value;
        }

        return null;
    }

    private static bool HasPythonCode(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.py", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2 }).Any();

    /// <summary>A distribution name as an import name (flit's default module): lower case, - and . as _.</summary>
    private static string ImportName(string distribution) => distribution.Replace('-', '_').Replace('.', '_').ToLowerInvariant();

    private static string Normalize(string folder)
    {
        string normalized = folder.Replace('\\', '/').Trim().TrimEnd('/');
        while (normalized.StartsWith("./", StringComparison.Ordinal)) normalized = normalized[2..];
        return normalized.Length == 0 ? "." : normalized;
    }

    private static string Parent(string folder) => Path.GetDirectoryName(folder) is { Length: > 0 } parent ? parent.Replace('\\', '/') : ".";

    private static string PythonString(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
