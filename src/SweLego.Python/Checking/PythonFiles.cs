namespace SweLego.Python.Checking;

/// <summary>Finds <c>.py</c> files like <c>os.walk</c>: symlinked folders are listed but not entered.</summary>
internal static class PythonFiles
{
    public static List<string> Enumerate(string root, IReadOnlyCollection<string> excluded)
    {
        var result = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            string directory = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                entries = new DirectoryInfo(directory).GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                if (entry is DirectoryInfo)
                {
                    if (entry.LinkTarget is null && !excluded.Contains(entry.Name))
                    {
                        pending.Push(entry.FullName);
                    }
                }
                else if (entry.Name.EndsWith(".py", StringComparison.Ordinal) && !IsLinkToDirectory(entry))
                {
                    result.Add(entry.FullName);
                }
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static bool IsLinkToDirectory(FileSystemInfo entry) =>
        entry.LinkTarget is not null && Directory.Exists(entry.FullName);
}
