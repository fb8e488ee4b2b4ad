using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>Line helpers shared by the parsers, mirroring Python's str.split / str.strip semantics.</summary>
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

    /// <summary>Python's `str.split()` with no argument.</summary>
    public static string[] Words(string line) =>
        line.Split([' ', '\t', '\r', '\n', '\f', '\v'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>
    /// Colour codes and control characters come from `--color=yes` or a TTY; the harness removes
    /// `[NNm` sequences and then characters 1–31, which we extend to any CSI sequence.
    /// </summary>
    public static string StripAnsi(string line) => ControlCharacters().Replace(AnsiSequence().Replace(line, ""), "");

    [GeneratedRegex(@"\x1b\[[0-9;?]*[A-Za-z]|\[\d+(;\d+)*m")]
    private static partial Regex AnsiSequence();

    [GeneratedRegex(@"[\x01-\x1f]")]
    private static partial Regex ControlCharacters();
}
