namespace SweLego.Environments.Build;

/// <summary>
/// Why an environment build step failed, in one line a user can act on: the source install's own
/// verdict (its <c>swelego:</c> line), a full disk named as such with the free space where the
/// environment lives, or the step's exit code with pip's error line.
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
        if (output.Contains("No space left on device", StringComparison.Ordinal))
        {
            string where = hostFolder is null ? "the Docker daemon's data root" : $"{hostFolder} ({FreeSpace(hostFolder)})";
            return $"no space left on device while running '{step}': free some space in {where}, or point the environments elsewhere";
        }

        string? cause = lines.LastOrDefault(l => l.StartsWith("ERROR:", StringComparison.Ordinal) || l.StartsWith("error:", StringComparison.Ordinal))
            ?? lines.LastOrDefault();
        return $"'{step}' exited with {exitCode}" + (cause is null ? "" : $": {Shorten(cause)}");
    }

    private static string FreeSpace(string folder)
    {
        try
        {
            return ByteSize.Format(new DriveInfo(Path.GetFullPath(folder)).AvailableFreeSpace) + " free";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "free space unknown";
        }
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "...";
}
