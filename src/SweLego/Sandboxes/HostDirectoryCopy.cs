namespace SweLego.Sandboxes;

/// <summary>
/// Recursive copy between host folders that keeps symbolic links as links (never follows
/// them, so a link planted in a workspace cannot make the host copy files from elsewhere).
/// </summary>
internal static class HostDirectoryCopy
{
    public static void Copy(string source, string destination, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"Directory '{source}' does not exist.");
        Directory.CreateDirectory(destination);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            cancellationToken.ThrowIfCancellationRequested();
            string target = Path.Combine(destination, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                // Replace an existing file or link; FileInfo also sees a dangling link.
                if (new FileInfo(target) is { Exists: true } or { LinkTarget: not null }) File.Delete(target);
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo dir)
            {
                Copy(dir.FullName, target, cancellationToken);
            }
            else
            {
                File.Copy(entry.FullName, target, overwrite: true);
                File.SetUnixFileMode(target, entry.UnixFileMode);
            }
        }
    }
}
