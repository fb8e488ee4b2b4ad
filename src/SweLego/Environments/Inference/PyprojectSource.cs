using SweLego.Environments.Toml;

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
        foreach (var (extra, value) in toml.GetTable("project", "optional-dependencies") ?? TomlTable.Empty)
            found.AddExtra(extra, (value as TomlArray)?.AsStrings() ?? []);

        // Poetry: names with version constraints; "python" is the interpreter, not a package.
        foreach (var (name, _) in toml.GetTable("tool", "poetry", "dependencies") ?? TomlTable.Empty)
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
            foreach (var (name, value) in scripts ?? TomlTable.Empty)
                if (value is TomlString target) layout.Scripts.TryAdd(name, target.Value);
        }

        // setuptools
        foreach (var (package, folder) in toml.GetTable("tool", "setuptools", "package-dir") ?? TomlTable.Empty)
            if (folder is TomlString path) layout.PackageDir[package] = path.Value;
        switch (toml.Get("tool", "setuptools", "packages"))
        {
            case TomlArray names:
                layout.Packages.AddRange(names.AsStrings() ?? []);
                break;
            case TomlTable find:
                layout.FindWhere.AddRange(find.GetStringArray("find", "where") ?? ["."]);
                break;
        }

        layout.PyModules.AddRange(toml.GetStringArray("tool", "setuptools", "py-modules") ?? []);
        if (toml.Get("tool", "setuptools", "ext-modules") is not null) layout.CompiledParts.Add("pyproject.toml: [tool.setuptools] ext-modules");

        // flit
        layout.FlitModule ??= toml.GetString("tool", "flit", "module", "name");

        // hatch
        var wheel = toml.GetTable("tool", "hatch", "build", "targets", "wheel");
        layout.HatchPackages.AddRange(wheel?.GetStringArray("packages") ?? []);
        switch (wheel?.Get("sources"))
        {
            case TomlArray prefixes:
                foreach (string prefix in prefixes.AsStrings() ?? []) layout.HatchSources[prefix] = "";
                break;
            case TomlTable rewrites:
                foreach (var (prefix, replacement) in rewrites)
                    if (replacement is TomlString to) layout.HatchSources[prefix] = to.Value;
                break;
        }

        // poetry and pdm
        foreach (var package in toml.GetTableArray("tool", "poetry", "packages") ?? [])
            if (package.GetString("include") is { } include) layout.PoetryPackages.Add((include, package.GetString("from")));
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
}
