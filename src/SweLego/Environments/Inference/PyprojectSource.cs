namespace SweLego.Environments.Inference;

/// <summary>pyproject.toml: PEP 621 [project] and [tool.pytest.ini_options].</summary>
internal static class PyprojectSource
{
    public static void Read(InferenceFacts found)
    {
        if (found.Read("pyproject.toml") is null) return;
        found.Notes.Add("pyproject.toml: not read yet (the TOML reader lands with issue 4).");
    }
}
