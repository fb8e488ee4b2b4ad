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
        foreach (var extra in toml.GetTable("project", "optional-dependencies")?.Keys ?? [])
            found.AddExtra(extra, toml.GetStringArray("project", "optional-dependencies", extra) ?? []);

        // Poetry: names with version constraints; "python" is the interpreter, not a package.
        foreach (var name in toml.GetTable("tool", "poetry", "dependencies")?.Keys ?? [])
        {
            if (name == "python") found.RequiresPython ??= toml.GetString("tool", "poetry", "dependencies", "python");
            else found.Requirements.Add(name);
        }

        found.PytestConfigured |= toml.GetTable("tool", "pytest", "ini_options") is not null;
    }
}
