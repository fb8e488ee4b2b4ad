using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Runs;

/// <summary>
/// <see cref="RunRepair"/>: a corrupt manifest names the command that rebuilds it, and the rebuilt
/// manifest lists every stage as interrupted with its record counts while every data file stays as it was.
/// </summary>
public sealed class RunRepairTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 11, 12, TimeSpan.Zero);

    private readonly TempDirectory _temp = new("swelego-repair-");

    [Fact]
    public void Open_CorruptManifest_ErrorNamesFileAndTheRepairCommand()
    {
        var run = RunWithTwoStages();
        File.WriteAllText(run.ManifestPath, "{\"version\": 1, \"run_id\": \"r\", \"created_");

        var error = Assert.Throws<RunDataException>(() => RunFolder.Open(run.DirectoryPath));

        Assert.StartsWith($"{run.ManifestPath}: not a valid run manifest: ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"To rebuild it from the stage folders (keeping this file): swelego run repair --run {run.DirectoryPath}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_CorruptManifest_StagesInterruptedWithCountsCorruptFileKeptDataIntact()
    {
        var run = RunWithTwoStages();
        const string Corrupt = "{\"version\": 1, \"run_id\": \"r\", \"created_";
        File.WriteAllText(run.ManifestPath, Corrupt);
        var data = DataFiles(run);

        var result = RunRepair.Rebuild(run.DirectoryPath, new RunFolderOptions { TimeProvider = new FixedTimeProvider(Now), ToolVersion = "t" });

        Assert.NotNull(result);
        Assert.Equal(run.ManifestPath + ".corrupt-20261122T101112Z", result.KeptAs);
        Assert.Equal(Corrupt, File.ReadAllText(result.KeptAs!));
        Assert.Contains("not a valid run manifest", result.Problem, StringComparison.Ordinal);
        Assert.Equal(data, DataFiles(run));
        var manifest = RunFolder.Open(run.DirectoryPath).ReadManifest();
        Assert.Equal((Path.GetFileName(run.DirectoryPath), "manifest.json.corrupt-20261122T101112Z"), (manifest.RunId, manifest.RebuiltFrom));
        Assert.Equal(["bench", "tasks"], manifest.Stages.Keys);
        var tasks = manifest.Stage("tasks");
        Assert.Equal(StageStatus.Interrupted, tasks.Status);
        Assert.Equal(RunRepair.Reason, tasks.Reason);
        Assert.Equal(2L, tasks.Counts["instances"]); // the torn third record is not counted as done
        Assert.Equal(1L, tasks.Counts["rejected"]);
        Assert.Equal(["tasks/instances.jsonl", "tasks/rejected.jsonl"], tasks.Outputs);
        Assert.Equal(["bench/sandbox.json"], manifest.Stage("bench").Outputs);

        // The stage resumes as after a Ctrl-C.
        var resumed = RunFolder.Open(run.DirectoryPath).StartStage("tasks");
        Assert.Equal((StageStatus.Running, 2), (resumed.Status, resumed.Attempts));
    }

    [Fact]
    public void Rebuild_ReadableManifest_NothingToRepairAndNothingChanged()
    {
        var run = RunWithTwoStages();
        string before = File.ReadAllText(run.ManifestPath);

        Assert.Null(RunRepair.Rebuild(run.DirectoryPath));

        Assert.Equal(before, File.ReadAllText(run.ManifestPath));
        Assert.Empty(Directory.GetFiles(run.DirectoryPath, "manifest.json.corrupt-*"));
    }

    [Fact]
    public void Rebuild_FolderWithoutManifestOrStages_RefusedAsNotARunFolder()
    {
        Directory.CreateDirectory(_temp.Combine("plain"));

        var error = Assert.Throws<RunDataException>(() => RunRepair.Rebuild(_temp.Combine("plain")));

        Assert.Contains("is not a run folder", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("plain", "manifest.json")));
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Stage tasks: 2 whole instances + a torn third, 1 rejection; stage bench: a summary file.</summary>
    private RunFolder RunWithTwoStages()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        run.StartStage("tasks");
        using (var instances = run.OpenJsonlWriter<Item>("tasks", "instances.jsonl"))
        {
            instances.Append(new Item("a", 1));
            instances.Append(new Item("b", 2));
        }

        using (var rejected = run.OpenJsonlWriter<Item>("tasks", "rejected.jsonl")) rejected.Append(new Item("c", 3));
        File.AppendAllText(run.StagePath("tasks", "instances.jsonl"), "{\"key\":\"d\",\"va");
        AtomicFile.WriteJson(run.StagePath("bench", "sandbox.json"), new { ratio = 1.5 });
        return run;
    }

    private static Dictionary<string, string> DataFiles(RunFolder run) =>
        Directory.EnumerateFiles(run.DirectoryPath, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != run.DirectoryPath)
            .ToDictionary(f => f, File.ReadAllText);
}
