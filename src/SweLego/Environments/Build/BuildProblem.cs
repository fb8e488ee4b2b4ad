namespace SweLego.Environments.Build;

/// <summary>
/// Why an environment build step failed, in one line a user can act on: the source install's own
/// verdict (its <c>swelego:</c> line), a full disk named as such with the free space where the
/// environment lives (also when the output does not say so but the file system is nearly full: venv's
/// ensurepip hides it), or the step's exit code with pip's error line.
/// </summary>
internal static class BuildProblem
{
    private const string OwnLine = "swelego: ";

    /// <param name="hostFolder">The host folder the step wrote to (its file system's free space is reported); null for an image build.</param>
    public static string Describe(string command, int exitCode, string output, string? hostFolder)
    {
        var lines = output.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.LastOrDefault(l => l.StartsWith(OwnLine, StringComparison.Ordinal)) is { } own) return own[OwnLine.Length..];
        string step = Shorten(command);
        long? free = FreeBytes(hostFolder);
        // venv's ensurepip swallows its ENOSPC ("returned non-zero exit status 1"): a nearly full file system says it instead.
        if (output.Contains("No space left on device", StringComparison.Ordinal) || free < NearlyFull)
        {
            string where = hostFolder is null ? "the Docker daemon's data root" : $"{hostFolder} ({(free is { } bytes ? ByteSize.Format(bytes) : "unknown")} free)";
            return $"no space left on device while running '{step}': free some space in {where}, or put the environments elsewhere";
        }

        string? cause = lines.LastOrDefault(l => l.StartsWith("ERROR:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? lines.LastOrDefault();
        return $"'{step}' exited with {exitCode}" + (cause is null ? "" : $": {Shorten(cause)}");
    }

    /// <summary>Below this, a failed step is taken to have run out of space (a venv alone needs about 20 MB).</summary>
    private const long NearlyFull = 64L << 20;

    private static long? FreeBytes(string? folder)
    {
        if (folder is null) return null;
        try
        {
            return new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
