using System.Diagnostics;
using System.Text.Json.Nodes;
using SweLego.Evaluation;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Evaluation;

/// <summary>
/// <c>swelego eval</c> killed with SIGKILL in the middle of a run, then run again: every prediction
/// ends with exactly one result line and one report.json, the same verdicts as an uninterrupted run.
/// </summary>
public sealed class EvaluationCrashTests(SampleEvaluationFixture sample) : IClassFixture<SampleEvaluationFixture>
{
    [Fact]
    public async Task Eval_SigkillMidRunThenAgain_NothingLostOrDuplicated()
    {
        using var folder = new TempDirectory();
        var steady = sample.Instances.Where(i => !i.FailToPass.Concat(i.PassToPass).Any(t => t.Contains("restock", StringComparison.Ordinal))).ToList();
        string predictions = PredictionsFile.Write(folder.Combine("preds.jsonl"), [.. steady.Select(i => (i.InstanceId, i.Patch))]);
        string runDirectory = folder.Combine("run");
        string results = Path.Combine(runDirectory, EvaluationStage.Stage, EvaluationStage.ResultsFile);
        string[] args = ["eval", "--instances", sample.InstancesPath, "--predictions", predictions, "--run", runDirectory];

        using (var cli = Process.Start(CliRunner.ProcessStartInfo(args))!)
        {
            _ = cli.StandardOutput.ReadToEndAsync();
            _ = cli.StandardError.ReadToEndAsync();
            // Killed once the first prediction is recorded and before the last one is.
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            while (!(File.Exists(results) && File.ReadAllText(results).Contains('\n', StringComparison.Ordinal)))
            {
                Assert.False(cli.HasExited, "eval finished before it could be killed");
                await Task.Delay(20, limit.Token);
            }

            cli.Kill(entireProcessTree: false);
            await cli.WaitForExitAsync(limit.Token);
        }

        int before = File.ReadAllText(results).Count(c => c == '\n');
        Assert.InRange(before, 1, steady.Count - 1);
        var (exit, stdout, stderr) = await CliRunner.RunProcessAsync(args);

        Assert.True(exit == 0, stdout + stderr);
        var records = JsonlReader.Read<EvaluationRecord>(results, RunJson.Options).ToList();
        Assert.Equal(steady.Select(i => i.InstanceId).Order(StringComparer.Ordinal), records.Select(r => r.Key).Order(StringComparer.Ordinal));
        Assert.All(records, r => Assert.True(r.Verdict == EvaluationVerdict.Resolved, $"{r.Key}: {r.Verdict} {r.Error}"));
        foreach (var record in records)
        {
            var report = JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, record.Folder!, "report.json")))!.AsObject();
            Assert.True(report[record.InstanceId]!["resolved"]!.GetValue<bool>());
        }

        var runReport = JsonNode.Parse(File.ReadAllText(Path.Combine(runDirectory, EvaluationStage.Stage, EvaluationStage.ReportFile)))!;
        Assert.Equal(steady.Count, runReport["resolved_instances"]!.GetValue<int>());
        Assert.Equal(0, runReport["error_instances"]!.GetValue<int>());
    }
}
