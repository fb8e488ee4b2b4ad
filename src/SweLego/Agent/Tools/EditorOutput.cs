using System.Globalization;
using System.Text;

namespace SweLego.Agent.Tools;

/// <summary>
/// The editor's rendering, byte for byte as openhands-aci 0.3.2 prints it: <c>cat -n</c> numbering
/// (number right-aligned in 6 columns, a tab, the line), the 16,000-character clip with its notices,
/// and Python's list spelling in messages.
/// </summary>
internal static class EditorOutput
{
    /// <summary>Characters (Unicode code points, as Python counts) kept before a clip notice.</summary>
    public const int MaxResponseChars = 16_000;

    /// <summary>Lines of context shown before and after an edit.</summary>
    public const int SnippetContextLines = 4;

    public const string FileClippedNotice =
        "<response clipped><NOTE>Due to the max output limit, only part of this file has been shown to you. You should retry this tool after you have searched inside the file with `grep -n` in order to find the line numbers of what you are looking for.</NOTE>";

    public const string DirectoryClippedNotice =
        "<response clipped><NOTE>Due to the max output limit, only part of this directory has been shown to you. You should use `ls -la` instead to view large directories incrementally.</NOTE>";

    /// <summary>
    /// <paramref name="content"/> numbered from <paramref name="startLine"/> under aci's header. The clip
    /// comes first, so its notice ends up on the last numbered line, and a trailing newline yields a
    /// last, empty numbered line, as aci shows them.
    /// </summary>
    public static string CatN(string content, string description, int startLine)
    {
        var text = new StringBuilder("Here's the result of running `cat -n` on ").Append(description).Append(":\n");
        string[] lines = Clip(content, FileClippedNotice).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (i > 0) text.Append('\n');
            text.Append((startLine + i).ToString(CultureInfo.InvariantCulture).PadLeft(6)).Append('\t').Append(lines[i]);
        }

        return text.Append('\n').ToString();
    }

    /// <summary>The first <see cref="MaxResponseChars"/> code points and <paramref name="notice"/>, or the text as it is when short enough.</summary>
    public static string Clip(string content, string notice)
    {
        int codePoints = 0;
        for (int i = 0; i < content.Length; i++)
        {
            if (char.IsLowSurrogate(content[i]) && i > 0 && char.IsHighSurrogate(content[i - 1])) continue;
            if (++codePoints > MaxResponseChars) return content[..i] + notice;
        }

        return content;
    }

    /// <summary>A list of integers as Python prints it: <c>[1, 5]</c>.</summary>
    public static string PythonList(IEnumerable<long> values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture))) + "]";
}
