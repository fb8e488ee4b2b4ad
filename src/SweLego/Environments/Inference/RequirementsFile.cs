namespace SweLego.Environments.Inference;

/// <summary>
/// pip requirements files: one requirement per line, comments, backslash continuations,
/// <c>-r</c>/<c>-c</c> includes (relative to the including file, cycles ignored), and pip
/// options (<c>-e</c>, <c>--index-url</c>, …) kept apart because they change how to install.
/// </summary>
public static class RequirementsFile
{
    public static RequirementsContent Read(string path)
    {
        var content = (Requirements: new List<string>(), Options: new List<string>(), Files: new List<string>());
        Read(Path.GetFullPath(path), content, new HashSet<string>(StringComparer.Ordinal));
        return new RequirementsContent(content.Requirements, content.Options, content.Files);
    }

    private static void Read(string path, (List<string> Requirements, List<string> Options, List<string> Files) content, HashSet<string> seen)
    {
        if (!seen.Add(path)) return;
        if (!File.Exists(path)) throw new EnvironmentInferenceException($"{path}: requirements file not found.");
        content.Files.Add(path);
        string[] lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            while (line.EndsWith('\\') && i + 1 < lines.Length) line = line[..^1] + lines[++i];
            int comment = line.IndexOf('#', StringComparison.Ordinal);
            if (comment == 0 || (comment > 0 && char.IsWhiteSpace(line[comment - 1]))) line = line[..comment];
            line = line.Trim();
            if (line.Length == 0) continue;

            if (Include(line) is { } included)
            {
                Read(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, included)), content, seen);
            }
            else if (line.StartsWith('-'))
            {
                content.Options.Add(line);
            }
            else
            {
                content.Requirements.Add(line);
            }
        }
    }

    private static string? Include(string line)
    {
        foreach (string flag in (string[])["-r", "--requirement", "-c", "--constraint"])
        {
            if (line.StartsWith(flag + " ", StringComparison.Ordinal) || line.StartsWith(flag + "=", StringComparison.Ordinal))
                return line[(flag.Length + 1)..].Trim();
            if (flag.Length == 2 && line.StartsWith(flag, StringComparison.Ordinal) && line.Length > 2 && line[2] != '-')
                return line[2..].Trim();
        }

        return null;
    }
}
