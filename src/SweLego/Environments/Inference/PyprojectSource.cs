using SweLego.Environments.Toml;
using Tomlyn.Model;

namespace SweLego.Environments.Inference;

/// <summary>
/// pyproject.toml: PEP 621 <c>[project]</c> (dependencies, optional-dependencies,
/// requires-python), whether it builds (<c>[build-system]</c>), and pytest configuration
/// (<c>[tool.pytest.ini_options]</c>). Poetry's <c>[tool.poetry]</c> dependencies count too.
/// </summary>
internal static class PyprojectSource
{
    public static void Read(InferenceFacts found)
    {
        if (found.Read("pyproject.toml") is not { } path) return;
        TomlDocument toml;
        try
        {
            toml = TomlReader.ParseFile(path);
        }
        catch (TomlException e)
        {
            throw new EnvironmentInferenceException(e.Message, e);
        }

        found.Installable |= toml.GetTable("project") is not null || toml.GetTable("build-system") is not null;
        found.RequiresPython ??= toml.GetString("project", "requires-python");
        found.Requirements.AddRange(toml.GetStringArray("project", "dependencies") ?? []);
        foreach (var extra in toml.GetTable("project", "optional-dependencies")?.Keys ?? [])
            found.AddExtra(extra, toml.GetStringArray("project", "optional-dependencies", extra) ?? []);

        // Poetry: names with version constraints; "python" is the interpreter, not a package.
        foreach (var name in toml.GetTable("tool", "poetry", "dependencies")?.Keys ?? [])
        {
            if (name == "python") found.RequiresPython ??= toml.GetString("tool", "poetry", "dependencies", "python");
            else found.Requirements.Add(name);
        }

        found.PytestConfigured |= toml.GetTable("tool", "pytest", "ini_options") is not null;
        ReadLayout(toml, found.Layout);
    }

    /// <summary>Where the importable code is and how it is built, per build backend (see <see cref="LayoutFacts"/>).</summary>
    private static void ReadLayout(TomlDocument toml, LayoutFacts layout)
    {
        layout.Name ??= toml.GetString("project", "name") ?? toml.GetString("tool", "poetry", "name");
        layout.Version ??= toml.GetString("project", "version") ?? toml.GetString("tool", "poetry", "version");
        layout.BuildBackend ??= toml.GetString("build-system", "build-backend");
        layout.BuildRequires.AddRange(toml.GetStringArray("build-system", "requires") ?? []);
        foreach (var scripts in (TomlTable?[])[toml.GetTable("project", "scripts"), toml.GetTable("tool", "poetry", "scripts")])
        {
            foreach (var (name, value) in Strings(scripts)) layout.Scripts.TryAdd(name, value);
        }

        // setuptools
        foreach (var (package, folder) in Strings(toml.GetTable("tool", "setuptools", "package-dir"))) layout.PackageDir[package] = folder;
        if (toml.GetStringArray("tool", "setuptools", "packages") is { } packages) layout.Packages.AddRange(packages);
        else if (toml.GetTable("tool", "setuptools", "packages") is not null)
            layout.FindWhere.AddRange(toml.GetStringArray("tool", "setuptools", "packages", "find", "where") ?? ["."]);
        layout.PyModules.AddRange(toml.GetStringArray("tool", "setuptools", "py-modules") ?? []);
        if (toml.Get("tool", "setuptools", "ext-modules") is not null) layout.CompiledParts.Add("pyproject.toml: [tool.setuptools] ext-modules");

        // flit
        layout.FlitModule ??= toml.GetString("tool", "flit", "module", "name");

        // hatch: sources is a list of prefixes to strip or a table of prefix rewrites
        string[] wheel = ["tool", "hatch", "build", "targets", "wheel"];
        layout.HatchPackages.AddRange(toml.GetStringArray([.. wheel, "packages"]) ?? []);
        foreach (string prefix in toml.GetStringArray([.. wheel, "sources"]) ?? []) layout.HatchSources[prefix] = "";
        foreach (var (prefix, replacement) in Strings(toml.GetTable([.. wheel, "sources"]))) layout.HatchSources[prefix] = replacement;

        // poetry and pdm
        foreach (var package in toml.GetTableArray("tool", "poetry", "packages") ?? [])
            if (package.ContainsKey("include")) layout.PoetryFrom.Add(package.TryGetValue("from", out var from) && from is string folder ? folder : ".");
        layout.PdmPackageDir ??= toml.GetString("tool", "pdm", "build", "package-dir");

        layout.VersionFile ??= toml.GetString("tool", "hatch", "version", "path");
        layout.VersionAttribute ??= toml.GetString("tool", "setuptools", "dynamic", "version", "attr");

        // Version files written at build time.
        foreach (var file in (string?[])[
                     toml.GetString("tool", "setuptools_scm", "write_to"), toml.GetString("tool", "setuptools_scm", "version_file"),
                     toml.GetString("tool", "hatch", "build", "hooks", "vcs", "version-file"), toml.GetString("tool", "pdm", "version", "write_to")])
        {
            if (file is not null) layout.VersionFiles.Add(file);
        }
    }

    /// <summary>The string-valued entries of a table (others are ignored), in document order.</summary>
    private static IEnumerable<(string Key, string Value)> Strings(TomlTable? table) =>
        table is null ? [] : table.Where(e => e.Value is string).Select(e => (e.Key, (string)e.Value));
}
