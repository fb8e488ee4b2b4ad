using System.Globalization;
using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// Line helpers shared by the parsers, with Python's str.split / str.strip semantics: the harness
/// parsers are Python, and names must come out character for character as theirs.
/// </summary>
internal static partial class LogLines
{
    /// <summary>Python's `log.split("\n")`: a CR stays on the line, so callers strip when the harness does.</summary>
    public static string[] Split(string log) => log.Split('\n');

    /// <summary>The last <paramref name="count"/> lines of <paramref name="log"/> (evidence for a rejection or a failed run).</summary>
    public static string Tail(string log, int count)
    {
        var lines = log.TrimEnd('\n').Split('\n');
        return string.Join('\n', lines[Math.Max(0, lines.Length - count)..]);
    }

    /// <summary>
    /// Python's str.isspace: also the separators 0x1C–0x1F and 0x85, which .NET's
    /// char.IsWhiteSpace partly misses, so `split()` cuts a name where the harness does.
    /// </summary>
    public static bool IsPythonSpace(char c) =>
        c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or '\x1c' or '\x1d' or '\x1e' or '\x1f' or '\x85'
        || char.GetUnicodeCategory(c) is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;

    /// <summary>Python's `str.split()` with no argument.</summary>
    public static string[] Words(string line)
    {
        var words = new List<string>();
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && IsPythonSpace(line[i]))
            {
                i++;
            }
            var start = i;
            while (i < line.Length && !IsPythonSpace(line[i]))
            {
                i++;
            }
            if (i > start)
            {
                words.Add(line[start..i]);
            }
        }
        return [.. words];
    }

    /// <summary>Python's `str.strip()` with no argument.</summary>
    public static string Strip(string line)
    {
        var start = 0;
        var end = line.Length;
        while (start < end && IsPythonSpace(line[start]))
        {
            start++;
        }
        while (end > start && IsPythonSpace(line[end - 1]))
        {
            end--;
        }
        return line[start..end];
    }

    /// <summary>Python's `s.split(sep)[0]`: the text before the first separator, or all of it.</summary>
    public static string Before(string line, string separator)
    {
        var at = line.IndexOf(separator, StringComparison.Ordinal);
        return at < 0 ? line : line[..at];
    }

    /// <summary>
    /// SweLego's colour removal for its own parsers: any CSI sequence (`ESC[1;31m` too), then
    /// control characters. The harness parsers use <see cref="HarnessStripColour"/> instead.
    /// </summary>
    public static string StripAnsi(string line) => ControlCharacters().Replace(AnsiSequence().Replace(line, ""), "");

    /// <summary>
    /// What the harness's pytest_v2 does: remove `[NNm` (one number only, so a compound
    /// `ESC[1;31m` keeps its `[1;31m`), then every character 1–31 (ESC, tab, CR).
    /// </summary>
    public static string HarnessStripColour(string line) => ControlCharacters().Replace(SingleColourCode().Replace(line, ""), "");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\[\d+(;\d+)*m")]
    private static partial Regex AnsiSequence();

    // Python's \d matches any Unicode decimal digit, as .NET's does.
    [GeneratedRegex(@"\[(\d+)m")]
    private static partial Regex SingleColourCode();

    [GeneratedRegex(@"[\x01-\x1f]")]
    private static partial Regex ControlCharacters();
}
