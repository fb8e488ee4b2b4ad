namespace SweLego.Curation.Export;

/// <summary>
/// An export is built in a hidden sibling folder (<c>.NAME.partial-*</c>) and renamed into place only when complete,
/// so an interrupted export never leaves a half dataset that looks finished: the target holds the previous export or
/// the new one. A target that exists must be empty or an earlier export (it has <c>export.json</c>); anything else is
/// refused rather than replaced.
/// </summary>
internal sealed class ExportFolder : IDisposable
{
    private bool committed;

    private ExportFolder(string target, string work)
    {
        Target = target;
        Work = work;
    }

    public string Target { get; }

    /// <summary>Where the export is written until <see cref="Commit"/>.</summary>
    public string Work { get; }

    public static ExportFolder Begin(string target, string markerFile)
    {
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        if (File.Exists(target)) throw new IOException($"{target} is a file; --out needs a folder.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !File.Exists(Path.Combine(target, markerFile)))
            throw new IOException($"{target} already holds files and is not an earlier export (no {markerFile}); choose another --out or empty it.");
        string parent = Path.GetDirectoryName(target) ?? throw new IOException($"{target} has no parent folder.");
        Directory.CreateDirectory(parent);
        string work = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        return new ExportFolder(target, work);
    }

    /// <summary>Puts the finished export in place of the target (the previous one, if any, is removed after the swap).</summary>
    public void Commit()
    {
        string parent = Path.GetDirectoryName(Target)!;
        string? replaced = null;
        if (Directory.Exists(Target))
        {
            replaced = Path.Combine(parent, $".{Path.GetFileName(Target)}.replaced-{Guid.NewGuid():N}");
            Directory.Move(Target, replaced);
        }

        Directory.Move(Work, Target);
        committed = true;
        Runs.DirectorySync.TryFlush(parent);
        if (replaced is not null) Directory.Delete(replaced, recursive: true);
    }

    public void Dispose()
    {
        if (committed || !Directory.Exists(Work)) return;
        try
        {
            Directory.Delete(Work, recursive: true);
        }
        catch (IOException)
        {
            // A hidden .partial folder left behind is harmless (nothing reads it); hiding the export's own error is not.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
