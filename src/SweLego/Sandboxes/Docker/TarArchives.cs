using System.Formats.Tar;

namespace SweLego.Sandboxes.Docker;

/// <summary>Tar streams for the Engine's archive endpoints.</summary>
internal static class TarArchives
{
    /// <summary>
    /// A tar whose entries sit under <paramref name="prefix"/> (with a directory entry for every
    /// level of it), plus <paramref name="extraFiles"/> (name → text) at the archive's root.
    /// </summary>
    public static MemoryStream FromDirectory(string hostDirectory, string prefix, IReadOnlyDictionary<string, string>? extraFiles = null)
    {
        if (!Directory.Exists(hostDirectory)) throw new DirectoryNotFoundException($"Directory '{hostDirectory}' does not exist.");
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            WritePrefixDirectories(writer, prefix);
            foreach (var entry in new DirectoryInfo(hostDirectory).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
            {
                string name = Join(prefix, Path.GetRelativePath(hostDirectory, entry.FullName));
                if (entry.LinkTarget is { } link)
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, name) { LinkName = link });
                else if (entry is DirectoryInfo)
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = entry.UnixFileMode });
                else
                    writer.WriteEntry(entry.FullName, name);
            }

            foreach (var (name, text) in extraFiles ?? new Dictionary<string, string>())
                writer.WriteEntry(FileEntry(name, System.Text.Encoding.UTF8.GetBytes(text)));
        }

        tar.Position = 0;
        return tar;
    }

    /// <summary>A tar holding one file at <paramref name="name"/> (a relative path).</summary>
    public static MemoryStream FromFile(string name, ReadOnlyMemory<byte> content)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            WritePrefixDirectories(writer, Path.GetDirectoryName(name) ?? "");
            writer.WriteEntry(FileEntry(name, content.ToArray()));
        }

        tar.Position = 0;
        return tar;
    }

    /// <summary>The bytes of the regular file an archive of one path holds; null when the path is not a regular file.</summary>
    public static async Task<byte[]?> ReadSingleFileAsync(Stream tar, CancellationToken cancellationToken)
    {
        // The archive's first entry is the path itself: a folder's archive starts with the folder, whose files must not be taken for it.
        await using var reader = new TarReader(tar);
        if (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is not { EntryType: TarEntryType.RegularFile or TarEntryType.V7RegularFile } entry) return null;
        using var buffer = new MemoryStream();
        if (entry.DataStream is not null) await entry.DataStream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>
    /// Extracts an archive of a directory (entries under the directory's own name) into
    /// <paramref name="hostDirectory"/>, dropping that first component; refuses entries that
    /// would land outside it.
    /// </summary>
    public static async Task ExtractDirectoryAsync(Stream tar, string hostDirectory, CancellationToken cancellationToken)
    {
        string root = Path.GetFullPath(hostDirectory);
        Directory.CreateDirectory(root);
        await using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            int slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            string relative = slash < 0 ? "" : entry.Name[(slash + 1)..].TrimEnd('/');
            if (relative.Length == 0) continue;
            string target = Path.GetFullPath(Path.Combine(root, relative));
            if (!target.StartsWith(root + "/", StringComparison.Ordinal))
                throw new SandboxException($"Archive entry '{entry.Name}' would be written outside {root}.");
            switch (entry.EntryType)
            {
                case TarEntryType.Directory:
                    Directory.CreateDirectory(target);
                    break;
                case TarEntryType.SymbolicLink:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (File.Exists(target) || new FileInfo(target).LinkTarget is not null) File.Delete(target);
                    File.CreateSymbolicLink(target, entry.LinkName);
                    break;
                case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    if (new FileInfo(target).LinkTarget is not null) File.Delete(target);
                    await entry.ExtractToFileAsync(target, overwrite: true, cancellationToken);
                    break;
            }
        }
    }

    private static PaxTarEntry FileEntry(string name, byte[] content) => new(TarEntryType.RegularFile, name)
    {
        Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
        DataStream = new MemoryStream(content),
    };

    private static void WritePrefixDirectories(TarWriter writer, string prefix)
    {
        string path = "";
        foreach (string part in prefix.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path = Join(path, part);
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, path + "/")
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
                    | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            });
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}/{name}";
}
