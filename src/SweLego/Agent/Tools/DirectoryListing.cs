using System.Globalization;
using System.Text;
using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>
/// <c>view</c> of a folder, as aci does it: <c>find -L</c> two levels deep without hidden entries
/// (those below a hidden folder included), sorted, clipped at 16,000 characters, folders marked with
/// a trailing <c>/</c>, and the count of hidden entries in the folder itself. <c>find</c> runs in the
/// session's shell; it prints each entry's type next to it so no second look is needed, and the
/// sort is bytewise (<c>LC_ALL=C</c>) so the order does not depend on the sandbox's locale. When
/// <c>find</c> complains (a loop, an unreadable folder), the observation is its error text, as in aci.
/// While a command of <c>execute_bash</c> is still running the listing fails (<see cref="EditorShell"/>).
/// </summary>
internal static class DirectoryListing
{
    // Enough for 16,000 characters of paths (up to 4 bytes each) with their type suffixes; the rest is never shown.
    private const int MaxListingBytes = 256 * 1024;

    public static async Task<string> RenderAsync(EditorShell shell, string path, CancellationToken cancellationToken)
    {
        string quoted = BashQuoting.Quote(path);
        string hidden1 = BashQuoting.Quote(EscapeGlob(path) + "/\\.*"), hidden2 = BashQuoting.Quote(EscapeGlob(path) + "/*/\\.*");
        string script =
            $"find -L {quoted} -mindepth 1 -maxdepth 1 -name '.*' -printf . 2>/dev/null | wc -c; " +
            $"find -L {quoted} -maxdepth 2 -not \\( -path {hidden1} -o -path {hidden2} \\) -printf '%p\\t%Y\\n' 2>&1 | LC_ALL=C sort | head -c {MaxListingBytes}";
        return Format(path, Encoding.UTF8.GetString(await shell.RunAsync(script, $"list {path}", cancellationToken)));
    }

    /// <summary>aci's text from the script's output: the hidden count, then sorted <c>PATH\tTYPE</c> lines and find's complaints.</summary>
    private static string Format(string path, string output)
    {
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int hiddenCount = int.Parse(lines[0].Trim(), CultureInfo.InvariantCulture);
        var entries = new List<(string Path, bool Directory)>();
        var errors = new StringBuilder();
        foreach (string line in lines.Skip(1))
        {
            int tab = line.LastIndexOf('\t');
            if (line.StartsWith('/') && tab > 0 && tab == line.Length - 2) entries.Add((line[..tab], line[^1] == 'd'));
            else errors.Append(line).Append('\n');
        }

        if (errors.Length > 0) return "ERROR:\n" + errors;
        string listed = EditorOutput.Clip(string.Concat(entries.Select(e => e.Path + "\n")), EditorOutput.DirectoryClippedNotice).Trim();
        string[] shown = listed.Split('\n');
        var text = new StringBuilder("Here's the files and directories up to 2 levels deep in ").Append(path).Append(", excluding hidden items:\n");
        for (int i = 0; i < shown.Length; i++)
        {
            if (i > 0) text.Append('\n');
            // The clipped last line carries the notice: aci's directory test fails on it, so it gets no slash.
            text.Append(shown[i]).Append(i < entries.Count && entries[i].Directory && shown[i] == entries[i].Path ? "/" : "");
        }

        if (hiddenCount > 0)
            text.Append("\n\n").Append(hiddenCount).Append(" hidden files/directories in this directory are excluded. You can use 'ls -la ").Append(path).Append("' to see them.");
        return text.ToString();
    }

    /// <summary><paramref name="path"/> as a literal inside a <c>find -path</c> pattern.</summary>
    private static string EscapeGlob(string path)
    {
        var escaped = new StringBuilder();
        foreach (char c in path) escaped.Append(c is '*' or '?' or '[' or ']' or '\\' ? "\\" : "").Append(c);
        return escaped.ToString();
    }
}
