namespace SweLego.Agent.Tools;

/// <summary>
/// Lines as Python's text-mode file iteration yields them (aci reads files that way): each line
/// keeps its <c>\n</c>; a last line without one still counts.
/// </summary>
internal static class TextLines
{
    public static int Count(string text) =>
        text.Length == 0 ? 0 : text.Count(c => c == '\n') + (text.EndsWith('\n') ? 0 : 1);

    /// <summary>The lines with their newlines.</summary>
    public static List<string> Split(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    /// <summary>Lines <paramref name="first"/>..<paramref name="last"/> (1-based, inclusive, either end may lie outside the text), joined.</summary>
    public static string Range(string text, int first, int last) =>
        string.Concat(Split(text).Where((_, index) => index + 1 >= first && index + 1 <= last));
}
