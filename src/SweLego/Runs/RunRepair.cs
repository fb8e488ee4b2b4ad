using System.Collections.Immutable;
using System.Globalization;

namespace SweLego.Runs;

/// <summary>
/// Rebuilds a run's <c>manifest.json</c> that cannot be read (corrupt, truncated, deleted) from what
/// the stage folders hold, so the run can be resumed instead of started over. The unreadable file is
/// kept next to it as <c>manifest.json.corrupt-&lt;UTC time&gt;</c>.
/// </summary>
/// <remarks>
/// Statuses are inferred conservatively: no file proves that a stage finished, so every stage found is
/// <see cref="StageStatus.Interrupted"/> (re-running it resumes and skips what is done), with the
/// record count of each JSONL file (e.g. <c>instances</c>, <c>rejected</c>) and its files as outputs.
/// </remarks>
public static class RunRepair
{
    public const string Reason = "manifest rebuilt by 'swelego run repair' from the stage folder; whether the stage finished is unknown, run its command again to resume";

    /// <summary>Rebuilds the manifest of <paramref name="directory"/>; null when it is readable (nothing to repair).</summary>
    public static RunRepairResult? Rebuild(string directory, RunFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new RunFolderOptions();
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"'{full}' does not exist.");
        string manifestPath = Path.Combine(full, RunFolder.ManifestFileName);
        using var processLock = FileLock.Acquire(manifestPath, TimeSpan.FromSeconds(30));
        if (Problem(manifestPath) is not { } problem) return null;

        var now = options.TimeProvider.GetUtcNow();
        var stages = ImmutableSortedDictionary.CreateBuilder<string, StageRecord>(StringComparer.Ordinal);
        var oldest = now;
        foreach (string folder in Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(folder);
            var files = Directory.EnumerateFiles(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
            if (!RunFolder.IsStageName(name) || files.Count == 0) continue;
            var stage = new StageRecord { Status = StageStatus.Interrupted, Reason = Reason, Attempts = 1 };
            foreach (string file in files)
            {
                stage = stage.WithOutput(Path.GetRelativePath(full, file));
                if (file.EndsWith(".jsonl", StringComparison.Ordinal))
                    stage = stage.WithCount(Path.GetFileNameWithoutExtension(file), CountRecords(file));
                var written = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
                if (written < oldest) oldest = written;
            }

            stages[name] = stage;
        }

        string? kept = null;
        if (File.Exists(manifestPath))
        {
            kept = $"{manifestPath}.corrupt-{now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}";
            File.Move(manifestPath, kept);
        }
        else if (stages.Count == 0)
        {
            throw new RunDataException($"'{full}' has neither a {RunFolder.ManifestFileName} nor stage folders: it is not a run folder.", manifestPath);
        }

        var manifest = new RunManifest
        {
            RunId = Path.GetFileName(full),
            CreatedAt = oldest,
            UpdatedAt = now,
            ToolVersion = options.ToolVersion ?? RunFolder.DefaultToolVersion(),
            CommandLine = [.. options.CommandLine ?? []],
            RebuiltFrom = kept is null ? "(no manifest)" : Path.GetFileName(kept),
            Stages = stages.ToImmutable(),
        };
        AtomicFile.WriteJson(manifestPath, manifest);
        return new RunRepairResult(manifestPath, problem, kept, manifest);
    }

    /// <summary>Why the manifest cannot be read, or null when it can.</summary>
    private static string? Problem(string manifestPath)
    {
        try
        {
            RunFolder.ReadManifestFile(manifestPath);
            return null;
        }
        catch (RunDataException e)
        {
            return e.Message;
        }
    }

    // Whole records only: a torn tail or a corrupt line is not counted as done.
    private static long CountRecords(string path) =>
        JsonlReader.ReadAll<System.Text.Json.JsonElement>(path, new JsonlReadOptions { SkipInvalidLines = true }).Records.Count;
}
