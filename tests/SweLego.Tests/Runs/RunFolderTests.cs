using System.Text.Json;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Runs;

public sealed class RunFolderTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 21, 21, 44, 55, TimeSpan.Zero);

    [Fact]
    public void CreateUnder_SeededRandomAndFixedClock_UsesSortableTimestampId()
    {
        using var temp = new TempDirectory();
        var options = new RunFolderOptions { TimeProvider = new FixedTimeProvider(Start), Random = new Random(7) };

        var run = RunFolder.CreateUnder(temp.Combine("runs"), options);

        Assert.Matches("^20261121-214455-[0-9a-f]{4}$", run.Id);
        Assert.Equal(temp.Combine("runs", run.Id), run.DirectoryPath);
        Assert.True(File.Exists(run.ManifestPath));
    }

    [Fact]
    public void CreateUnder_SameSecondSameSeed_PicksAnotherFreeId()
    {
        using var temp = new TempDirectory();
        var first = RunFolder.CreateUnder(temp.Path, new RunFolderOptions { TimeProvider = new FixedTimeProvider(Start), Random = new Random(7) });

        var second = RunFolder.CreateUnder(temp.Path, new RunFolderOptions { TimeProvider = new FixedTimeProvider(Start), Random = new Random(7) });

        Assert.NotEqual(first.Id, second.Id);
        Assert.StartsWith("20261121-214455-", second.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CreatedRun_RoundTripsManifest()
    {
        using var temp = new TempDirectory();
        var clock = new FixedTimeProvider(Start);
        var created = RunFolder.Create(temp.Combine("my-run"), new RunFolderOptions
        {
            TimeProvider = clock,
            ToolVersion = "1.2.3",
            CommandLine = ["swelego", "tasks", "--run", "my-run"],
        });
        clock.Now = Start.AddMinutes(1);
        created.StartStage("tasks");
        created.UpdateStage("tasks", s => s.WithCount("written", 12).WithOutput(created.RelativePath(created.StagePath("tasks", "instances.jsonl"))));
        clock.Now = Start.AddMinutes(2);
        created.FailStage("tasks", "docker is not running");

        var manifest = RunFolder.Open(temp.Combine("my-run")).ReadManifest();

        Assert.Equal(RunManifest.CurrentVersion, manifest.Version);
        Assert.Equal("my-run", manifest.RunId);
        Assert.Equal(Start, manifest.CreatedAt);
        Assert.Equal(Start.AddMinutes(2), manifest.UpdatedAt);
        Assert.Equal("1.2.3", manifest.ToolVersion);
        Assert.Equal(["swelego", "tasks", "--run", "my-run"], manifest.CommandLine.ToArray());
        var stage = manifest.Stage("tasks");
        Assert.Equal(StageStatus.Failed, stage.Status);
        Assert.Equal(Start.AddMinutes(1), stage.StartedAt);
        Assert.Equal(Start.AddMinutes(2), stage.FinishedAt);
        Assert.Equal(1, stage.Attempts);
        Assert.Equal("docker is not running", stage.Reason);
        Assert.Equal(12, stage.Counts["written"]);
        Assert.Equal(["tasks/instances.jsonl"], stage.Outputs);
        Assert.Equal(StageStatus.Pending, manifest.Stage("agent").Status);
    }

    [Fact]
    public void Create_Manifest_IsReadableSnakeCaseJson()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("r1"), new RunFolderOptions { TimeProvider = new FixedTimeProvider(Start), ToolVersion = "0.1.0", CommandLine = ["swelego"] });
        run.StartStage("tasks");

        using var json = JsonDocument.Parse(File.ReadAllText(run.ManifestPath));

        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("r1", root.GetProperty("run_id").GetString());
        Assert.Equal("2026-11-21T21:44:55+00:00", root.GetProperty("created_at").GetString());
        Assert.Equal("0.1.0", root.GetProperty("tool_version").GetString());
        Assert.Equal("running", root.GetProperty("stages").GetProperty("tasks").GetProperty("status").GetString());
    }

    [Fact]
    public void Create_DirectoryAlreadyHoldsRun_ThrowsIOException()
    {
        using var temp = new TempDirectory();
        RunFolder.Create(temp.Combine("r"));

        var error = Assert.Throws<IOException>(() => RunFolder.Create(temp.Combine("r")));

        Assert.Contains("already holds a run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenOrCreate_ExistingRun_OpensItWithoutTouchingTheManifest()
    {
        using var temp = new TempDirectory();
        var first = RunFolder.OpenOrCreate(temp.Combine("r"), new RunFolderOptions { TimeProvider = new FixedTimeProvider(Start) });
        first.StartStage("tasks");
        var before = File.ReadAllText(first.ManifestPath);

        var second = RunFolder.OpenOrCreate(temp.Combine("r"), new RunFolderOptions { TimeProvider = new FixedTimeProvider(Start.AddDays(1)) });

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(before, File.ReadAllText(second.ManifestPath));
    }

    [Fact]
    public void Open_FolderWithoutManifest_ThrowsRunDataException()
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<RunDataException>(() => RunFolder.Open(temp.Path));

        Assert.Contains("not a run folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ManifestFromNewerVersion_ThrowsRunDataException()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("manifest.json"),
            """{"version": 99, "run_id": "x", "created_at": "2026-01-01T00:00:00Z", "tool_version": "9.0"}""");

        var error = Assert.Throws<RunDataException>(() => RunFolder.Open(temp.Path));

        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_CorruptManifest_ThrowsRunDataExceptionNamingTheFile()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("manifest.json"), "{\"version\": 1, \"run_");

        var error = Assert.Throws<RunDataException>(() => RunFolder.Open(temp.Path));

        Assert.Equal(temp.Combine("manifest.json"), error.FilePath);
    }

    [Fact]
    public async Task UpdateStage_ManyThreadsAndRunFolderInstances_LosesNoUpdate()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("r"));
        var other = RunFolder.Open(temp.Combine("r"));
        const int Threads = 8;
        const int UpdatesPerThread = 25;

        await Task.WhenAll(Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            var folder = t % 2 == 0 ? run : other;
            for (var i = 0; i < UpdatesPerThread; i++)
            {
                folder.UpdateStage("shared", s => s.AddCount("done", 1));
                folder.UpdateStage($"stage-{t}", s => s.AddCount("done", 1).WithOutput($"stage-{t}/file-{i}.json"));
            }
        })));

        var manifest = run.ReadManifest();
        Assert.Equal(Threads * UpdatesPerThread, manifest.Stage("shared").Counts["done"]);
        for (var t = 0; t < Threads; t++)
        {
            Assert.Equal(UpdatesPerThread, manifest.Stage($"stage-{t}").Counts["done"]);
            Assert.Equal(UpdatesPerThread, manifest.Stage($"stage-{t}").Outputs.Count);
        }

        Assert.Empty(Directory.GetFiles(run.DirectoryPath, "*.tmp"));
    }

    [Fact]
    public void StartStage_AfterFailure_ResumesKeepingCountsAndCountingAttempts()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("r"));
        run.StartStage("agent");
        run.UpdateStage("agent", s => s.WithCount("rollouts", 5));
        run.FailStage("agent", "killed");

        var stage = run.StartStage("agent");

        Assert.Equal(StageStatus.Running, stage.Status);
        Assert.Equal(2, stage.Attempts);
        Assert.Equal(5, stage.Counts["rollouts"]);
        Assert.Null(stage.Reason);
        Assert.Null(stage.FinishedAt);
    }

    [Fact]
    public void StagePath_NestedParts_CombinesInsideStageFolder()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("r"));

        var path = run.StagePath("agent", "trajectories", "django__django-1.jsonl");

        Assert.Equal(Path.Combine(run.DirectoryPath, "agent", "trajectories", "django__django-1.jsonl"), path);
        Assert.Equal("agent/trajectories/django__django-1.jsonl", run.RelativePath(path));
    }

    [Theory]
    [InlineData("tasks", "../escape.jsonl")]
    [InlineData("tasks", "/etc/passwd")]
    [InlineData("../tasks", "x.jsonl")]
    [InlineData("Tasks", "x.jsonl")]
    [InlineData("..", "x.jsonl")]
    public void StagePath_PathLeavingTheRun_ThrowsArgumentException(string stage, string part)
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("r"));

        Assert.Throws<ArgumentException>(() => run.StagePath(stage, part));
    }

    [Fact]
    public void ReadDoneKeys_AfterWriterAppends_ReturnsKeysAndListsOutput()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("r"));
        Assert.Empty(run.ReadDoneKeys<Item>("tasks", "items.jsonl", i => i.Key));

        using (var writer = run.OpenJsonlWriter<Item>("tasks", "items.jsonl"))
        {
            writer.Append(new Item("x", 1));
            writer.Append(new Item("y", 2));
        }

        Assert.Equal(["x", "y"], run.ReadDoneKeys<Item>("tasks", "items.jsonl", i => i.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["tasks/items.jsonl"], run.ReadManifest().Stage("tasks").Outputs);
    }

    [Fact]
    public async Task GuardStageAsync_WorkThrows_StageFailedWithTheMessageAndErrorRethrown()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("run"));
        run.StartStage("tasks");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            run.GuardStageAsync<int>("tasks", () => throw new InvalidOperationException("the suite cannot be graded")));

        Assert.Equal("the suite cannot be graded", error.Message);
        var stage = run.ReadManifest().Stage("tasks");
        Assert.Equal(StageStatus.Failed, stage.Status);
        Assert.Equal("the suite cannot be graded", stage.Reason);
    }

    [Fact]
    public async Task GuardStageAsync_Cancelled_StageInterruptedWithTimeAndResumable()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("run"));
        run.StartStage("tasks");
        run.UpdateStage("tasks", s => s.WithCount("written", 3));

        await Assert.ThrowsAsync<OperationCanceledException>(() => run.GuardStageAsync<int>("tasks", () => throw new OperationCanceledException()));

        var stage = run.ReadManifest().Stage("tasks");
        Assert.Equal(StageStatus.Interrupted, stage.Status);
        Assert.NotNull(stage.FinishedAt);
        Assert.Contains("run the same command again to resume", stage.Reason, StringComparison.Ordinal);
        var resumed = run.StartStage("tasks");
        Assert.Equal((StageStatus.Running, 2, 3L, null), (resumed.Status, resumed.Attempts, resumed.Counts["written"], resumed.Reason));
    }

    [Fact]
    public async Task GuardStageAsync_CancelledBeforeTheStageStarted_StageLeftPending()
    {
        using var temp = new TempDirectory();
        var run = RunFolder.Create(temp.Combine("run"));

        await Assert.ThrowsAsync<OperationCanceledException>(() => run.GuardStageAsync<int>("tasks", () => throw new OperationCanceledException()));

        Assert.Equal(StageStatus.Pending, run.ReadManifest().Stage("tasks").Status);
    }
}
