namespace SweLego.Environments.Inference;

/// <summary>
/// The INI dialect of setup.cfg, tox.ini and pytest.ini (Python's configparser): sections,
/// <c>key = value</c> or <c>key: value</c>, values continued on indented lines, full-line
/// comments with # or ;. Keys are case-insensitive like configparser's.
/// </summary>
public sealed class IniFile
{
    private readonly Dictionary<string, Dictionary<string, string>> _sections;

    private IniFile(Dictionary<string, Dictionary<string, string>> sections) => _sections = sections;

    public IEnumerable<string> Sections => _sections.Keys;

    /// <summary>Parses the file; a line outside any section or without a key is an error naming the line.</summary>
    public static IniFile Read(string path) => Parse(File.ReadAllText(path), path);

    public static IniFile Parse(string text, string path)
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? section = null;
        string? lastKey = null;
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (char.IsWhiteSpace(line[0]) && section is not null && lastKey is not null)
            {
                section[lastKey] = section[lastKey].Length == 0 ? trimmed : section[lastKey] + "\n" + trimmed;
                continue;
            }

            if (trimmed.StartsWith('[') && trimmed.EndsWith(']'))
            {
                string name = trimmed[1..^1].Trim();
                if (!sections.TryGetValue(name, out section)) sections[name] = section = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                lastKey = null;
                continue;
            }

            int separator = trimmed.IndexOfAny(['=', ':']);
            if (section is null || separator <= 0)
                throw new EnvironmentInferenceException($"{path}:{i + 1}: expected '[section]' or 'key = value', found '{Shorten(trimmed)}'.");
            lastKey = trimmed[..separator].Trim();
            section[lastKey] = trimmed[(separator + 1)..].Trim();
        }

        return new IniFile(sections);
    }

    public string? Get(string section, string key) =>
        _sections.TryGetValue(section, out var values) && values.TryGetValue(key, out var value) ? value : null;

    /// <summary>
    /// A value as a list the way setuptools reads "list-semi" values: a dangling (multi-line)
    /// value has one item per line, where <c>;</c> starts an environment marker; a one-line
    /// value is split on <c>;</c>. Comments are dropped.
    /// </summary>
    public IReadOnlyList<string> GetList(string section, string key) => SplitList(Get(section, key));

    public IReadOnlyDictionary<string, string> GetSection(string section) =>
        _sections.TryGetValue(section, out var values) ? values : new Dictionary<string, string>();

    internal static IReadOnlyList<string> SplitList(string? value) =>
        value is null
            ? []
            : [.. (value.Contains('\n') ? value.Split('\n') : value.Split(';')).Select(l => StripComment(l).Trim()).Where(l => l.Length > 0)];

    private static string StripComment(string line)
    {
        int hash = line.IndexOf(" #", StringComparison.Ordinal);
        return line.StartsWith('#') ? "" : hash >= 0 ? line[..hash] : line;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
