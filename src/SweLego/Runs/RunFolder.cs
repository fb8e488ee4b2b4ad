using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace SweLego.Runs;

/// <summary>
/// A run folder, <c>runs/&lt;run-id&gt;/</c>: the manifest plus one sub-folder per stage.
/// Stages read their inputs from here, write atomically, and ask which keys are done so a
/// re-run after a crash neither loses nor repeats work.
/// </summary>
/// <remarks>
/// Manifest updates are read-modify-write under a lock shared by every <see cref="RunFolder"/>
/// of the same directory in this process, plus a file lock (<c>.manifest.json.lock</c>) that
/// serializes updates from other processes; each write replaces the file atomically.
/// </remarks>
public sealed class RunFolder
{
    public const string ManifestFileName = "manifest.json";

    private const int MaxIdAttempts = 100;

    private static readonly TimeSpan ManifestLockTimeout = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, Lock> ManifestLocks = new(StringComparer.Ordinal);

    private readonly TimeProvider timeProvider;
    private readonly Lock manifestLock;

    private RunFolder(string directory, string id, TimeProvider timeProvider)
    {
        DirectoryPath = directory;
        Id = id;
        ManifestPath = Path.Combine(directory, ManifestFileName);
        this.timeProvider = timeProvider;
        manifestLock = ManifestLocks.GetOrAdd(ManifestPath, _ => new Lock());
    }

    /// <summary>Absolute path of the run folder.</summary>
    public string DirectoryPath { get; }

    public string Id { get; }

    public string ManifestPath { get; }

    /// <summary>Creates <c>RUNS_ROOT/&lt;new id&gt;/</c> with a fresh manifest.</summary>
    public static RunFolder CreateUnder(string runsRoot, RunFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runsRoot);
        options ??= new RunFolderOptions();
        var random = options.Random ?? Random.Shared;
        for (var attempt = 0; attempt < MaxIdAttempts; attempt++)
        {
            var directory = Path.Combine(runsRoot, RunId.New(options.TimeProvider, random));
            if (Directory.Exists(directory))
            {
                continue;
            }

            try
            {
                return Create(directory, options);
            }
            catch (IOException) when (File.Exists(Path.Combine(directory, ManifestFileName)))
            {
                // Another process took the same id between our check and our create.
            }
        }

        throw new IOException($"Could not find a free run id under '{runsRoot}' after {MaxIdAttempts} attempts.");
    }

    /// <summary>
    /// Creates a run in <paramref name="directory"/> (its name becomes the run id).
    /// Throws <see cref="IOException"/> if the directory already holds a run.
    /// </summary>
    public static RunFolder Create(string directory, RunFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new RunFolderOptions();
        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var run = new RunFolder(fullPath, Path.GetFileName(fullPath), options.TimeProvider);
        var now = options.TimeProvider.GetUtcNow();
        var manifest = new RunManifest
        {
            RunId = run.Id,
            CreatedAt = now,
            UpdatedAt = now,
            ToolVersion = options.ToolVersion ?? DefaultToolVersion(),
            CommandLine = [.. options.CommandLine ?? Environment.GetCommandLineArgs()],
        };
        try
        {
            AtomicFile.CreateJson(run.ManifestPath, manifest);
        }
        catch (IOException exception) when (File.Exists(run.ManifestPath))
        {
            throw new IOException($"'{fullPath}' already holds a run ({ManifestFileName} exists); open it instead.", exception);
        }

        return run;
    }

    /// <summary>Opens an existing run; throws <see cref="RunDataException"/> if there is none or its manifest is unreadable.</summary>
    public static RunFolder Open(string directory, RunFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        options ??= new RunFolderOptions();
        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        var manifestPath = Path.Combine(fullPath, ManifestFileName);
        if (!File.Exists(manifestPath))
        {
            throw new RunDataException($"'{fullPath}' is not a run folder: it has no {ManifestFileName}.", manifestPath);
        }

        var manifest = ReadManifestFile(manifestPath);
        return new RunFolder(fullPath, manifest.RunId, options.TimeProvider);
    }

    /// <summary>Opens the run in <paramref name="directory"/>, creating it if it has no manifest yet.</summary>
    public static RunFolder OpenOrCreate(string directory, RunFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (File.Exists(Path.Combine(directory, ManifestFileName)))
        {
            return Open(directory, options);
        }

        try
        {
            return Create(directory, options);
        }
        catch (IOException) when (File.Exists(Path.Combine(directory, ManifestFileName)))
        {
            return Open(directory, options);
        }
    }

    /// <summary>The run folder <paramref name="path"/> (a file or folder) is in: the nearest folder at or above it with a manifest; null when there is none.</summary>
    public static string? FindContaining(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        for (var directory = new DirectoryInfo(Path.GetFullPath(path)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ManifestFileName))) return directory.FullName;
        }

        return null;
    }

    public RunManifest ReadManifest() => ReadManifestFile(ManifestPath);

    /// <summary>Applies <paramref name="update"/> to the current manifest on disk and writes the result atomically.</summary>
    public RunManifest UpdateManifest(Func<RunManifest, RunManifest> update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (manifestLock)
        {
            using var processLock = FileLock.Acquire(ManifestPath, ManifestLockTimeout);
            var updated = update(ReadManifest()) with { UpdatedAt = timeProvider.GetUtcNow() };
            AtomicFile.WriteJson(ManifestPath, updated);
            return updated;
        }
    }

    /// <summary>Applies <paramref name="update"/> to one stage's section of the manifest.</summary>
    public StageRecord UpdateStage(string stage, Func<StageRecord, StageRecord> update)
    {
        ValidateStage(stage);
        ArgumentNullException.ThrowIfNull(update);
        var manifest = UpdateManifest(m => m with { Stages = m.Stages.SetItem(stage, update(m.Stage(stage))) });
        return manifest.Stages[stage];
    }

    /// <summary>Marks the stage running; counts and outputs of earlier attempts are kept, since a re-run resumes.</summary>
    public StageRecord StartStage(string stage) =>
        UpdateStage(stage, s => s with
        {
            Status = StageStatus.Running,
            StartedAt = timeProvider.GetUtcNow(),
            FinishedAt = null,
            Reason = null,
            Attempts = s.Attempts + 1,
        });

    public StageRecord CompleteStage(string stage) =>
        UpdateStage(stage, s => s with { Status = StageStatus.Succeeded, FinishedAt = timeProvider.GetUtcNow(), Reason = null });

    public StageRecord FailStage(string stage, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return UpdateStage(stage, s => s with { Status = StageStatus.Failed, FinishedAt = timeProvider.GetUtcNow(), Reason = reason });
    }

    /// <summary>
    /// Marks a running stage interrupted (Ctrl-C, SIGTERM), with the time; a stage that is not running is left as it is.
    /// What it recorded stays and re-running it resumes.
    /// </summary>
    public StageRecord InterruptStage(string stage) =>
        UpdateStage(stage, s => s.Status != StageStatus.Running ? s : s with
        {
            Status = StageStatus.Interrupted,
            FinishedAt = timeProvider.GetUtcNow(),
            Reason = "interrupted (Ctrl-C or SIGTERM) before it finished; run the same command again to resume",
        });

    /// <summary>
    /// Runs a stage's work: an error marks the stage failed with its message and cancellation marks it
    /// interrupted; either is rethrown, what the stage recorded stays, and a re-run resumes.
    /// </summary>
    public async Task<T> GuardStageAsync<T>(string stage, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
        }
        catch (OperationCanceledException)
        {
            InterruptStage(stage);
            throw;
        }
        catch (Exception e)
        {
            FailStage(stage, e.Message);
            throw;
        }
    }

    /// <summary>The stage's folder, <c>RUN/stage</c> (not created).</summary>
    public string StageDirectory(string stage)
    {
        ValidateStage(stage);
        return Path.Combine(DirectoryPath, stage);
    }

    /// <summary>
    /// A path inside the stage's folder, e.g. <c>StagePath("tasks", "instances.jsonl")</c>.
    /// Parts may contain '/' but cannot leave the run folder. Nothing is created:
    /// <see cref="AtomicFile"/> and <see cref="JsonlWriter{T}"/> create parent folders themselves.
    /// </summary>
    public string StagePath(string stage, params ReadOnlySpan<string> parts)
    {
        var path = StageDirectory(stage);
        foreach (var part in parts)
        {
            ArgumentException.ThrowIfNullOrEmpty(part, nameof(parts));
            if (Path.IsPathRooted(part) || part.Split('/', '\\').Any(segment => segment is ".."))
            {
                throw new ArgumentException($"'{part}' must be a relative path inside the stage folder.", nameof(parts));
            }

            path = Path.Combine(path, part);
        }

        return path;
    }

    /// <summary>A path inside this run, relative to the run folder with '/' separators, as stored in the manifest.</summary>
    public string RelativePath(string path) =>
        Path.GetRelativePath(DirectoryPath, Path.GetFullPath(path)).Replace('\\', '/');

    /// <summary>
    /// Opens <c>RUN/stage/file</c> for appending and lists it among the stage's outputs.
    /// </summary>
    public JsonlWriter<T> OpenJsonlWriter<T>(string stage, string file, JsonlWriterOptions? options = null)
        where T : IVersionedRecord
    {
        var path = StagePath(stage, file);
        var writer = new JsonlWriter<T>(path, options);
        try
        {
            var relative = RelativePath(path);
            if (!ReadManifest().Stage(stage).Outputs.Contains(relative))
            {
                UpdateStage(stage, s => s.WithOutput(relative));
            }

            return writer;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>Keys of the records already in <c>RUN/stage/file</c>; empty if it does not exist yet.</summary>
    public HashSet<string> ReadDoneKeys<T>(string stage, string file, Func<T, string> key, JsonSerializerOptions? options = null) =>
        JsonlReader.ReadKeys(StagePath(stage, file), key, options);

    /// <summary>Reads a manifest file, throwing <see cref="RunDataException"/> when it is missing, corrupt or too new.</summary>
    internal static RunManifest ReadManifestFile(string manifestPath)
    {
        RunManifest? manifest;
        try
        {
            using var stream = new FileStream(manifestPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            manifest = JsonSerializer.Deserialize<RunManifest>(stream, RunJson.Options);
        }
        catch (JsonException exception)
        {
            throw new RunDataException($"{manifestPath}: not a valid run manifest: {exception.Message} {RepairHint(manifestPath)}", manifestPath, innerException: exception);
        }
        catch (FileNotFoundException exception)
        {
            throw new RunDataException($"{manifestPath}: the run manifest is missing.", manifestPath, innerException: exception);
        }

        if (manifest is null)
        {
            throw new RunDataException($"{manifestPath}: the run manifest is empty (null). {RepairHint(manifestPath)}", manifestPath);
        }

        if (manifest.Version is < 1 or > RunManifest.CurrentVersion)
        {
            throw new RunDataException(
                $"{manifestPath}: manifest format version {manifest.Version} is not supported (this build reads 1 to {RunManifest.CurrentVersion}); use a newer SweLego.",
                manifestPath);
        }

        return manifest;
    }

    /// <summary>Stage names are folder names and manifest keys: a-z, 0-9, '-', '_' and '.', not "." or "..".</summary>
    internal static bool IsStageName(string name) =>
        name.Length > 0 && name is not ("." or "..")
        && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.');

    private static string RepairHint(string manifestPath) =>
        $"To rebuild it from the stage folders (keeping this file): swelego run repair --run {Path.GetDirectoryName(manifestPath)}";

    private static void ValidateStage(string stage)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        if (!IsStageName(stage))
        {
            throw new ArgumentException($"Stage name '{stage}' may only contain a-z, 0-9, '-', '_' and '.' (and is not '.' or '..').", nameof(stage));
        }
    }

    internal static string DefaultToolVersion() =>
        typeof(RunFolder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
