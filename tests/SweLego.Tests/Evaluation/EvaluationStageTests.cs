using System.Text.Json.Nodes;
using SweLego.Evaluation;
using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Evaluation;

/// <summary>
/// <c>swelego eval</c>'s stage on the sample's real instances in real bwrap sandboxes: the gold
/// patch resolves, an empty patch is counted as such, a patch that applies nowhere is a
/// patch-apply error, a patch that prints fake PASSED lines is caught by 5.0.2's exit-status
/// check (and, as documented, not by 4.0.4), and the harness's files and run report are written.
/// </summary>
public sealed class EvaluationStageTests(SampleEvaluationFixture sample) : IClassFixture<SampleEvaluationFixture>
{
    /// <summary>A conftest.py that prints a PASSED line for every FAIL_TO_PASS test when the interpreter exits (after pytest's own report).</summary>
    internal static string SpoofPatch(TaskInstance instance) =>
        PredictionsFile.NewFilePatch("conftest.py",
            "import atexit\n\n\ndef _spoof():\n" + string.Concat(instance.FailToPass.Select(t => $"    print('PASSED {t}')\n")) + "\n\natexit.register(_spoof)\n");

    [Fact]
    public async Task RunAsync_GoldEmptyBrokenAndSpoofed_HarnessVerdictsAndFiles()
    {
        using var folder = new TempDirectory();
        var median = sample.Instance("fix-median");
        var money = sample.Instance("fix-money");
        var slugify = sample.Instance("fix-slugify");
        var gaps = sample.Instance("feature-intervals");
        string predictions = PredictionsFile.Write(folder.Combine("preds.jsonl"),
            (median.InstanceId, median.Patch),
            (money.InstanceId, SpoofPatch(money)),
            (slugify.InstanceId, "diff --git a/tally/nowhere.py b/tally/nowhere.py\n--- a/tally/nowhere.py\n+++ b/tally/nowhere.py\n@@ -1,1 +1,1 @@\n-old\n+new\n"),
            (gaps.InstanceId, ""));
        var run = RunFolder.Create(folder.Combine("run"));

        var summary = await EvaluationStage.RunAsync(run, new EvaluationOptions { InstancesPath = sample.InstancesPath, PredictionsPath = predictions, Jobs = 2 });

        var results = summary.Results.ToDictionary(r => r.InstanceId);
        Assert.Equal(EvaluationVerdict.Resolved, results[median.InstanceId].Verdict);
        Assert.Equal(ResolutionStatus.Full, results[median.InstanceId].Resolution);
        Assert.Equal("git apply --verbose", results[median.InstanceId].AppliedWith);
        Assert.Equal(EvaluationVerdict.Unresolved, results[money.InstanceId].Verdict);
        Assert.Equal(EvaluationVerdict.Error, results[slugify.InstanceId].Verdict);
        Assert.Equal(EvaluationErrorKind.PatchApplyFailed, results[slugify.InstanceId].ErrorKind);
        Assert.Equal(EvaluationVerdict.EmptyPatch, results[gaps.InstanceId].Verdict);

        // The harness's files for a graded prediction, and none of report.json for the error.
        string medianFolder = Path.Combine(run.DirectoryPath, results[median.InstanceId].Folder!);
        foreach (string file in (string[])["report.json", "test_output.txt", "patch.diff", "eval.sh", "run_instance.log"])
            Assert.True(File.Exists(Path.Combine(medianFolder, file)), file);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(medianFolder, "report.json")))![median.InstanceId]!;
        Assert.True(report["resolved"]!.GetValue<bool>());
        Assert.Equal(median.FailToPass, report["tests_status"]!["FAIL_TO_PASS"]!["success"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(median.Patch, File.ReadAllText(Path.Combine(medianFolder, "patch.diff")));
        Assert.Contains(">>>>> Test Exit Code", File.ReadAllText(Path.Combine(medianFolder, "test_output.txt")), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(run.DirectoryPath, results[slugify.InstanceId].Folder!, "report.json")));
        Assert.Contains("Patch Apply Failed", File.ReadAllText(Path.Combine(run.DirectoryPath, results[slugify.InstanceId].Folder!, "run_instance.log")), StringComparison.Ordinal);

        // The run report has every key the harness writes.
        var runReport = JsonNode.Parse(File.ReadAllText(run.StagePath(EvaluationStage.Stage, EvaluationStage.ReportFile)))!.AsObject();
        foreach (string key in (string[])["total_instances", "submitted_instances", "completed_instances", "resolved_instances", "unresolved_instances",
                     "empty_patch_instances", "error_instances", "completed_ids", "incomplete_ids", "empty_patch_ids", "submitted_ids", "resolved_ids",
                     "unresolved_ids", "error_ids", "schema_version"])
            Assert.True(runReport.ContainsKey(key), key);
        Assert.Equal(sample.Instances.Count, runReport["total_instances"]!.GetValue<int>());
        Assert.Equal([median.InstanceId], runReport["resolved_ids"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([gaps.InstanceId], runReport["empty_patch_ids"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal([slugify.InstanceId], runReport["error_ids"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(2, runReport["schema_version"]!.GetValue<int>());
        var counts = run.ReadManifest().Stage(EvaluationStage.Stage).Counts;
        Assert.Equal(1, counts["resolved"]);
        Assert.Equal(1, counts["error:patch_apply_failed"]);

        // 4.0.4 reads the spoofed lines as passes: regraded from the saved logs, nothing run, the spoof resolves there.
        var regraded = await EvaluationStage.RunAsync(run, new EvaluationOptions
        {
            InstancesPath = sample.InstancesPath, PredictionsPath = predictions, Harness = HarnessVersion.V4_0_4, Rerun = true,
        });
        Assert.Equal(EvaluationVerdict.Resolved, regraded.Results.Single(r => r.InstanceId == money.InstanceId).Verdict);
        Assert.Equal(EvaluationVerdict.Resolved, regraded.Results.Single(r => r.InstanceId == median.InstanceId).Verdict);
        Assert.All(regraded.Results, r => Assert.Equal("4.0.4", r.Harness));
        Assert.Null(regraded.Ran);
    }

    [Fact]
    public async Task RunAsync_EveryGoldPatch_ResolvedAndResumeRunsNothing()
    {
        using var folder = new TempDirectory();
        var steady = sample.Instances.Where(i => i.Flaky.Count == 0 && !i.FailToPass.Concat(i.PassToPass).Any(t => t.Contains("restock", StringComparison.Ordinal))).ToList();
        string predictions = PredictionsFile.Write(folder.Combine("preds.jsonl"), [.. steady.Select(i => (i.InstanceId, i.Patch))]);
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new EvaluationOptions { InstancesPath = sample.InstancesPath, PredictionsPath = predictions, Jobs = 2 };

        var first = await EvaluationStage.RunAsync(run, options);
        var again = await EvaluationStage.RunAsync(run, options);

        Assert.All(first.Results, r => Assert.True(r.Verdict == EvaluationVerdict.Resolved, $"{r.InstanceId}: {r.Verdict} {r.Error}"));
        Assert.Equal(steady.Count, first.Results.Count);
        Assert.Equal(0, again.Ran!.Processed);
        Assert.Equal(steady.Count, again.Ran.Skipped);
        Assert.Equal(steady.Count, JsonlReader.Read<EvaluationRecord>(first.ResultsPath, RunJson.Options).Count());
        Assert.Equal(1.0, again.Metrics.Overall.ResolveRate);
    }
}
