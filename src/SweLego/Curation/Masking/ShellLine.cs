using System.Text;
using System.Text.RegularExpressions;

namespace SweLego.Curation.Masking;

/// <summary>
/// What masking needs to know about an <c>execute_bash</c> command line, read without running it: its simple
/// commands (split at unquoted <c>; &amp; | ( )</c> and newlines, here-document bodies left out, leading
/// assignments and wrappers such as <c>timeout 60</c> removed), the files it writes by redirect or
/// <c>tee</c>, and the script a simple command runs. Good enough for the commands agents send; it is not a
/// shell parser (quotes inside <c>$( )</c> and the like are not followed).
/// </summary>
internal static partial class ShellLine
{
    /// <summary>The simple commands, in order, without empty ones.</summary>
    public static IReadOnlyList<string> Split(string command)
    {
        string text = WithoutHeredocBodies(command);
        var segments = new List<string>();
        var current = new StringBuilder();
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == '\\' && quote == '"' && i + 1 < text.Length) current.Append(c).Append(text[++i]);
                else
                {
                    if (c == quote) quote = '\0';
                    current.Append(c);
                }
            }
            else if (c == '\\' && i + 1 < text.Length) current.Append(c).Append(text[++i]);
            else if (c is '\'' or '"')
            {
                quote = c;
                current.Append(c);
            }
            else if (c is ';' or '&' or '|' or '(' or ')' or '\n' && !IsRedirect(text, i)) Flush(segments, current);
            else current.Append(c);
        }

        Flush(segments, current);
        return segments;
    }

    /// <summary>Files the command writes through <c>&gt;</c>, <c>&gt;&gt;</c> or <c>tee</c> (quotes removed; <c>/dev/*</c> left out).</summary>
    public static IEnumerable<string> WrittenFiles(string command) =>
        Redirect().Matches(WithoutHeredocBodies(command))
            .Select(m => Unquote(m.Groups["path"].Value))
            .Where(path => path.Length > 0 && !path.StartsWith("/dev/", StringComparison.Ordinal));

    /// <summary>The file a simple command runs (<c>python FILE</c>, <c>bash FILE</c>, <c>./FILE</c>), or null.</summary>
    public static string? ScriptRun(string simpleCommand)
    {
        var match = Script().Match(simpleCommand);
        return match.Success ? Unquote(match.Groups["path"].Value) : null;
    }

    /// <summary>Whether two paths name the same file as far as the text shows: equal, or one is the other's tail after a <c>/</c>.</summary>
    public static bool SamePath(string a, string b)
    {
        a = a.StartsWith("./", StringComparison.Ordinal) ? a[2..] : a;
        b = b.StartsWith("./", StringComparison.Ordinal) ? b[2..] : b;
        return a == b || a.EndsWith("/" + b, StringComparison.Ordinal) || b.EndsWith("/" + a, StringComparison.Ordinal);
    }

    private static void Flush(List<string> segments, StringBuilder current)
    {
        string segment = Wrappers().Replace(current.ToString().Trim(), "").Trim();
        if (segment.Length > 0) segments.Add(segment);
        current.Clear();
    }

    // "2>&1", ">&2", "&>file", ">|file": the & and | belong to a redirection, not a separator.
    private static bool IsRedirect(string text, int i) =>
        text[i] == '&' && (i > 0 && text[i - 1] == '>' || i + 1 < text.Length && text[i + 1] == '>') || text[i] == '|' && i > 0 && text[i - 1] == '>';

    /// <summary>The command with the lines of here-document bodies (up to their delimiter line) removed.</summary>
    private static string WithoutHeredocBodies(string command)
    {
        if (!command.Contains("<<", StringComparison.Ordinal)) return command;
        var kept = new StringBuilder();
        var pending = new Queue<string>();
        foreach (string line in command.Split('\n'))
        {
            if (pending.Count > 0)
            {
                if (line.Trim() == pending.Peek()) pending.Dequeue();
                continue;
            }

            kept.Append(line).Append('\n');
            foreach (Match heredoc in Heredoc().Matches(line)) pending.Enqueue(heredoc.Groups["word"].Value);
        }

        return kept.ToString();
    }

    private static string Unquote(string text) =>
        text.Length >= 2 && text[0] is '\'' or '"' && text[^1] == text[0] ? text[1..^1] : text;

    [GeneratedRegex(@"(?<!<)<<-?\s*(['""]?)(?<word>[A-Za-z_][\w.-]*)\1")]
    private static partial Regex Heredoc();

    // Leading VAR=value assignments and the wrappers that run the rest as the command.
    [GeneratedRegex(@"^(?:(?:[A-Za-z_]\w*=(?:'[^']*'|""[^""]*""|\S*)|sudo|env|nohup|time|exec|timeout(?:\s+-\S+)*\s+[0-9.]+[smhd]?)\s+)+")]
    private static partial Regex Wrappers();

    [GeneratedRegex(@"(?:(?<![<>&0-9])[0-9]?>>?\|?|\btee(?:\s+-\S+)*)\s*(?<path>'[^']*'|""[^""]*""|[^\s;&|<>()'""]+)")]
    private static partial Regex Redirect();

    [GeneratedRegex(@"^(?:(?:python[0-9.]*|bash|sh|source|\.)\s+(?:-\S+\s+)*(?<path>[^\s-]\S*)|(?<path>\.{0,2}/\S+))")]
    private static partial Regex Script();
}
