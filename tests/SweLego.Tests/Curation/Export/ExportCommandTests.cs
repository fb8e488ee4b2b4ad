using SweLego.Cli;
using SweLego.Curation;
using SweLego.Curation.Export;
using SweLego.Runs;
using SweLego.Tests.Cli;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Curation.Export;

/// <summary><c>swelego export</c> on run folders: output, refused records, the card, missing curation, atomic replacement.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class ExportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-cli-export-");

    [Fact]
    public async Task Export_LlamaFactory_PrintsFilesStagesAndWritesTheCard()
    {
        var run = ExportRuns.Create(_temp.Combine("run"), ExportRuns.Sample());
        string output = DatasetExport.DefaultOutput(run, ExportFormat.LlamaFactory);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("export", run.DirectoryPath, "--format", "llamafactory", "--recipe", "32b");

        Assert.True(exit == 0, stdout + stderr);
        Assert.StartsWith($"Exported 5 of 5 records as llamafactory to {output}\n  data/swelego_easy.jsonl  2 records\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  stage 1 (easy): swelego_easy from Qwen/Qwen3-32B\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"  stage 3 (hard): swelego_easy,swelego_medium,swelego_hard from {Path.Combine(output, "saves", "swelego-32b-stage2_medium")}\n", stdout, StringComparison.Ordinal);
        Assert.Contains($"Train: bash {Path.Combine(output, "train.sh")}\n", stdout, StringComparison.Ordinal);

        string card = File.ReadAllText(Path.Combine(output, "DATASET_CARD.md"));
        Assert.StartsWith("# swelego\n", card, StringComparison.Ordinal);
        Assert.Contains("5 records written of 5 read from `curation/kept.jsonl`; 0 refused", card, StringComparison.Ordinal);
        Assert.Contains("| `hack-audit` | the hack audit flagged it (git history, remotes, installed copies, network) | 3 |\n", card, StringComparison.Ordinal);
        Assert.Contains("| 1,500 | 100 | 40 | 1,360 | 12 | 1 |\n", card, StringComparison.Ordinal);
        Assert.Contains("4 of 15 assistant turns masked (26.7 %)", card, StringComparison.Ordinal);
        Assert.Contains("| `command-not-found` | yes | 4 | 26.7 % | 40 | 26.7 % |\n", card, StringComparison.Ordinal);
        Assert.Contains("| 1–10 | 5 |\n", card, StringComparison.Ordinal);
        Assert.Contains("| 3 | `hard` | 5–6 | 1 | 5 | 100 |\n", card, StringComparison.Ordinal);
        Assert.Contains("| django__django-11099 | 0 | django/django | repo | verified.parquet |\n", card, StringComparison.Ordinal);
        Assert.Contains("Counted with `Qwen/Qwen3-8B tokenizer.json`, chat template `qwen3_nothink`, cut at `cutoff_len` 131,072", card, StringComparison.Ordinal);
        Assert.Contains("| swelego eval | 5 |\n", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_RefusedAndUnevaluatedRecords_AreNamedLeftOutAndExitOne()
    {
        var sample = ExportRuns.Sample();
        var broken = sample[1] with { Messages = sample[1].Messages.Take(4).ToList() };
        var unevaluated = sample[2] with { Label = CurationLabel.Unevaluated, LabelSource = "none" };
        var unknownBin = sample[3] with { Bin = "expert" };
        var run = ExportRuns.Create(_temp.Combine("run"), [sample[0], broken, unevaluated, unknownBin, sample[4]]);

        var (exit, stdout, _) = await CliRunner.RunAsync("export", run.DirectoryPath, "-f", "openai", "--out", _temp.Combine("out"));

        Assert.Equal(CliApp.Failure, exit);
        Assert.Contains("Exported 2 of 5 records as openai", stdout, StringComparison.Ordinal);
        Assert.Contains("1 unevaluated records left out (--include-unevaluated exports them).", stdout, StringComparison.Ordinal);
        Assert.Contains("2 records refused", stdout, StringComparison.Ordinal);
        Assert.Contains("  acme__tally-2#0: 3 messages after the system message (odd: the last is 'user', a record must end with an assistant turn)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  acme__tally-4#0: bin 'expert' is not one of the curriculum's (easy:2,medium:4,hard:6)\n", stdout, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(_temp.Combine("out", "train.jsonl")).Length);
        var summary = System.Text.Json.JsonSerializer.Deserialize<ExportSummary>(File.ReadAllText(_temp.Combine("out", "export.json")), RunJson.Options)!;
        Assert.Equal(["acme__tally-2#0", "acme__tally-4#0"], summary.Rejected.Select(r => r.Key));
        Assert.Equal(1, summary.SkippedUnevaluated);

        var (againExit, againOut, _) = await CliRunner.RunAsync("export", run.DirectoryPath, "-f", "openai", "--out", _temp.Combine("out"), "--include-unevaluated");
        Assert.Equal(CliApp.Failure, againExit);
        Assert.Contains("Exported 3 of 5 records as openai", againOut, StringComparison.Ordinal);
        Assert.Equal(3, File.ReadAllLines(_temp.Combine("out", "train.jsonl")).Length);
    }

    [Fact]
    public async Task Export_RunWithoutCuration_SaysToCurateFirstInOneLine()
    {
        var run = RunFolder.Create(_temp.Combine("run"));

        var (exit, stdout, stderr) = await CliRunner.RunAsync("export", run.DirectoryPath, "--format", "parquet");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {run.DirectoryPath} has no curation output (curation/kept.jsonl is missing); run `swelego curate {run.DirectoryPath}` first.\n", stderr);
    }

    [Fact]
    public async Task Export_OutputFolder_IsReplacedWholeOnlyWhenCompleteAndForeignFoldersAreRefused()
    {
        var run = ExportRuns.Create(_temp.Combine("run"), ExportRuns.Sample());
        string output = _temp.Combine("out");
        var options = new ExportOptions { Format = ExportFormat.OpenAi, OutputDirectory = output };
        await DatasetExport.RunAsync(run, options, null, CancellationToken.None);
        File.WriteAllText(Path.Combine(output, "stale.txt"), "from before");

        // Cancelled midway: the earlier export stays as it was, and no partial folder is left.
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DatasetExport.RunAsync(run, options, null, cancelled.Token));
        Assert.True(File.Exists(Path.Combine(output, "stale.txt")));
        Assert.Equal(["out", "run"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Completed: the folder is the new export, whole.
        await DatasetExport.RunAsync(run, options, null, CancellationToken.None);
        Assert.False(File.Exists(Path.Combine(output, "stale.txt")));
        Assert.Equal(["DATASET_CARD.md", "export.json", "train.jsonl"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["out", "run"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // A folder that is not an export is never replaced.
        string foreign = Directory.CreateDirectory(_temp.Combine("mine")).FullName;
        File.WriteAllText(Path.Combine(foreign, "notes.txt"), "keep");
        var error = await Assert.ThrowsAsync<IOException>(() => DatasetExport.RunAsync(run, options with { OutputDirectory = foreign }, null, CancellationToken.None));
        Assert.Equal($"{foreign} already holds files and is not an earlier export (no export.json); choose another --out or empty it.", error.Message);
        Assert.Equal("keep", File.ReadAllText(Path.Combine(foreign, "notes.txt")));
    }

    public void Dispose() => _temp.Dispose();
}
