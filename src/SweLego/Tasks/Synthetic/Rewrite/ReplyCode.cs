using System.Text.RegularExpressions;

namespace SweLego.Tasks.Synthetic.Rewrite;

/// <summary>
/// Finds the Python code in a model reply: the fenced blocks tagged <c>python</c>/<c>py</c>/<c>python3</c>
/// or untagged (an unclosed fence runs to the end, as in a reply cut at max_tokens), else the
/// whole reply when it contains a <c>def</c> line.
/// </summary>
internal static partial class ReplyCode
{
    /// <summary>The code to use for <paramref name="name"/>, or null when the reply holds no Python code.</summary>
    public static string? Extract(string reply, string name)
    {
        var blocks = Fence().Matches(reply)
            .Where(m => m.Groups["lang"].Value.ToLowerInvariant() is "" or "python" or "py" or "python3")
            .Select(m => m.Groups["code"].Value)
            .Where(code => code.Trim().Length > 0)
            .ToList();
        if (blocks.Count == 0)
        {
            return DefLine().IsMatch(reply) ? reply : null;
        }

        var defines = new Regex($@"\bdef\s+{Regex.Escape(name)}\s*[\(\[]", RegexOptions.CultureInvariant);
        return blocks.FirstOrDefault(defines.IsMatch) ?? blocks[0];
    }

    /// <summary>Removes the common leading whitespace of the non-blank lines (a block pasted with its class indentation).</summary>
    public static string Dedent(string code)
    {
        var lines = code.Split('\n');
        var indents = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart(' ', '\t').Length).ToList();
        int common = indents.Count == 0 ? 0 : indents.Min();
        if (common == 0)
        {
            return code;
        }

        return string.Join('\n', lines.Select(l => l.Trim().Length == 0 ? l.TrimStart(' ', '\t') : l[common..]));
    }

    [GeneratedRegex(@"^[ \t]*```[ \t]*(?<lang>[A-Za-z0-9_+\-]*)[^\n]*\n(?<code>.*?)(?:^[ \t]*```|\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"^[ \t]*(async[ \t]+)?def[ \t]+\w+[ \t]*[\(\[]", RegexOptions.Multiline)]
    private static partial Regex DefLine();
}
