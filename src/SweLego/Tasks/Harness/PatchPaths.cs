namespace SweLego.Tasks.Harness;

/// <summary>
/// The repository paths a patch may change, as <c>git apply</c> or <c>patch -p1</c> read them: both sides of
/// every <c>diff --git</c> line and every <c>---</c>/<c>+++</c> file line (first path component dropped, a
/// trailing tab and timestamp cut, <c>/dev/null</c> left out). A superset on purpose: callers use it to skip
/// work on files a patch cannot have touched. Null when a file line is quoted (git's C-style quoting of unusual
/// names), which this reading does not undo: the caller must then assume any file may have changed.
/// </summary>
public static class PatchPaths
{
    public static IReadOnlySet<string>? Targets(string patch)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (string raw in patch.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            bool fileLine = line.StartsWith("diff --git ", StringComparison.Ordinal) || line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal);
            if (fileLine && line.Contains('"', StringComparison.Ordinal)) return null;
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                foreach (string side in line["diff --git ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)) Add(paths, side);
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) || line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                Add(paths, line[4..].Split('\t')[0].Trim());
            }
        }

        return paths;
    }

    private static void Add(HashSet<string> paths, string path)
    {
        if (path is "/dev/null" or "") return;
        int slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && slash < path.Length - 1) paths.Add(path[(slash + 1)..]);
    }
}
