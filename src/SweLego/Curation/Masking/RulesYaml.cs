using System.Text;

namespace SweLego.Curation.Masking;

/// <summary>The YAML spelling of rules: the words of the format and the canonical text that <c>--dump</c> writes and the content hash covers.</summary>
internal static class RulesYaml
{
    public const string Call = "call";
    public const string Malformed = "malformed";
    public const string NoCall = "no-call";

    /// <summary>A single-quoted scalar (backslashes stay as written; a quote is doubled).</summary>
    public static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A flow list of plain words (ids, tool names, exit-code words).</summary>
    public static string List(IEnumerable<string> items) => "[" + string.Join(", ", items) + "]";

    public static string TurnWord(TurnKind kind) => kind switch
    {
        TurnKind.Malformed => Malformed,
        TurnKind.NoCall => NoCall,
        _ => Call,
    };

    public static TurnKind? ParseTurn(string word) => word switch
    {
        Call => TurnKind.Call,
        Malformed => TurnKind.Malformed,
        NoCall => TurnKind.NoCall,
        _ => null,
    };

    /// <summary>The rules as a full-replacement file, without comments: one text per rule set, whatever file it came from.</summary>
    public static string Canonical(IReadOnlyList<MaskRule> mask, IReadOnlyList<Exemption> exempt)
    {
        var text = new StringBuilder().Append("version: ").Append(MaskingRules.FormatVersion).Append('\n');
        text.Append(mask.Count == 0 ? "mask: []\n" : "mask:\n");
        foreach (var rule in mask) Entry(text, rule.Id, rule.Fields());
        text.Append(exempt.Count == 0 ? "exempt: []\n" : "exempt:\n");
        foreach (var exemption in exempt) Entry(text, exemption.Id, exemption.Fields());
        return text.ToString();
    }

    private static void Entry(StringBuilder text, string id, IEnumerable<(string Key, string Value)> fields)
    {
        text.Append("  - id: ").Append(id).Append('\n');
        foreach (var (key, value) in fields) text.Append("    ").Append(key).Append(": ").Append(value).Append('\n');
    }
}
