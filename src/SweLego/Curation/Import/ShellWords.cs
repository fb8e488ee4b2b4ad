using System.Text;

namespace SweLego.Curation.Import;

/// <summary>
/// Splits a command line into words as a POSIX shell (and Python's <c>shlex.split</c>) does: single quotes keep everything,
/// double quotes keep all but <c>\"</c>, <c>\\</c>, <c>\$</c> and <c>\`</c>, a backslash outside quotes escapes the next
/// character (a backslash-newline joins lines). SWE-agent writes its tool calls this way.
/// </summary>
internal static class ShellWords
{
    /// <summary>The words, or null when a quote is never closed.</summary>
    public static IReadOnlyList<string>? Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            switch (c)
            {
                case '\'':
                    int close = line.IndexOf('\'', i + 1);
                    if (close < 0) return null;
                    word.Append(line, i + 1, close - i - 1);
                    (i, inWord) = (close, true);
                    break;
                case '"':
                    inWord = true;
                    for (i++; ; i++)
                    {
                        if (i >= line.Length) return null;
                        if (line[i] == '"') break;
                        if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`') i++;
                        word.Append(line[i]);
                    }
                    break;
                case '\\' when i + 1 < line.Length:
                    i++;
                    if (line[i] != '\n') (word, inWord) = (word.Append(line[i]), true);
                    break;
                case ' ' or '\t' or '\n':
                    if (inWord) words.Add(word.ToString());
                    (word, inWord) = (word.Clear(), false);
                    break;
                default:
                    (word, inWord) = (word.Append(c), true);
                    break;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
