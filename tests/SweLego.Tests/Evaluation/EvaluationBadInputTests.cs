using System.Text;
using System.Text.Json.Nodes;
using SweLego.Evaluation;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Evaluation;

/// <summary>
/// Bad and unusual input to <c>swelego eval</c>, each a clear per-item result while the rest of the
/// batch is graded: unknown ids, malformed and duplicate lines (file:line), CRLF, binary and 10 MB
/// patches, an instance without an image, and a dataset row without FAIL_TO_PASS.
/// </summary>
public sealed class EvaluationBadInputTests(SampleEvaluationFixture sample) : IClassFixture<SampleEvaluationFixture>
{
    [Fact]
    public async Task RunAsync_BadLinesAndOddPatches_EachItsOwnResult()
    {
        using var folder = new TempDirectory();
        var median = sample.Instance("fix-median");
        var money = sample.Instance("fix-money");
        string binary = await BinaryPatchAsync(folder.Combine("binary"), "tally/data/blob.bin", [0, 1, 2, 0, 255, 0, 10, 13]);
        string big = PredictionsFile.NewFilePatch("tally/big.txt", string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", 100_000)));
        string path = folder.Combine("preds.jsonl");
        var lines = new StringBuilder();
        void Line(string id, string rollout, string patch) =>
            lines.Append(new JsonObject { ["instance_id"] = id, ["rollout_id"] = rollout, ["model_patch"] = patch, ["model_name_or_path"] = "m" }.ToJsonString()).Append('\n');
        Line(median.InstanceId, "gold", median.Patch);
        Line(median.InstanceId, "gold", median.Patch); // line 2: the same prediction again
        lines.Append("{\"instance_id\": \"broken\n"); // line 3: not JSON
        Line("nobody__nothing-1", "0", median.Patch); // unknown instance
        Line(median.InstanceId, "crlf", median.Patch.Replace("\n", "\r\n", StringComparison.Ordinal));
        Line(median.InstanceId, "binary", median.Patch + binary);
        Line(money.InstanceId, "big", money.Patch + big);
        File.WriteAllText(path, lines.ToString());
        Assert.True(new FileInfo(path).Length > 10_000_000);
        var run = RunFolder.Create(folder.Combine("run"));

        var summary = await EvaluationStage.RunAsync(run, new EvaluationOptions { InstancesPath = sample.InstancesPath, PredictionsPath = path });

        var results = summary.Results.ToDictionary(r => r.Key);
        Assert.Equal(4, results.Count);
        Assert.Equal(EvaluationVerdict.Resolved, results[$"{median.InstanceId}#gold"].Verdict);
        Assert.Equal(EvaluationVerdict.Resolved, results[$"{median.InstanceId}#binary"].Verdict);
        Assert.Equal(EvaluationVerdict.Resolved, results[$"{money.InstanceId}#big"].Verdict);
        var crlf = results[$"{median.InstanceId}#crlf"];
        // git apply refuses CRLF hunks on LF files; the cascade's last step, patch, takes them (as under the harness).
        Assert.True(crlf.Verdict == EvaluationVerdict.Resolved, $"{crlf.Verdict} {crlf.Error}");
        Assert.StartsWith("patch --batch", crlf.AppliedWith, StringComparison.Ordinal);
        Assert.Equal(1, summary.Inputs.DuplicatePredictions);
        Assert.Equal(1, summary.Inputs.MalformedPredictions);
        Assert.Contains(summary.Inputs.PredictionProblems, p => p.StartsWith($"{path}:2:", StringComparison.Ordinal));
        Assert.Contains(summary.Inputs.PredictionProblems, p => p.StartsWith($"{path}:3:", StringComparison.Ordinal));
        Assert.Equal(["nobody__nothing-1"], summary.Inputs.UnknownInstanceIds);
        Assert.Equal(1, summary.Inputs.UnknownPredictions);
        Assert.True(File.Exists(run.StagePath(EvaluationStage.Stage, EvaluationStage.InputsFile)));
        // Several predictions of one instance: Pass@k over them.
        Assert.Equal(3, summary.Metrics.Overall.MaxRollouts);
    }

    [Fact]
    public async Task RunAsync_DatasetWithoutImagesOrFailToPass_ErrorsNamingWhy()
    {
        using var folder = new TempDirectory();
        string instances = folder.Combine("dataset.json");
        File.WriteAllText(instances, new JsonArray
        {
            SweBenchRow("psf__requests-863", "0.14", withFailToPass: true),
            SweBenchRow("psf__requests-864", "0.14", withFailToPass: false),
            SweBenchRow("somebody__unknown-1", "1.0", withFailToPass: true, repo: "somebody/unknown"),
        }.ToJsonString());
        string predictions = PredictionsFile.Write(folder.Combine("preds.jsonl"),
            ("psf__requests-863", "diff --git a/x b/x\n"), ("psf__requests-864", "diff --git a/x b/x\n"), ("somebody__unknown-1", "diff --git a/x b/x\n"));
        var run = RunFolder.Create(folder.Combine("run"));

        var summary = await EvaluationStage.RunAsync(run, new EvaluationOptions { InstancesPath = instances, PredictionsPath = predictions });

        var results = summary.Results.ToDictionary(r => r.InstanceId);
        Assert.Equal(EvaluationErrorKind.NoEnvironment, results["psf__requests-863"].ErrorKind);
        Assert.Contains("swebench/sweb.eval.x86_64.psf_1776_requests-863:latest", results["psf__requests-863"].Error, StringComparison.Ordinal);
        Assert.Equal(EvaluationErrorKind.BadInstance, results["psf__requests-864"].ErrorKind);
        Assert.Contains("FAIL_TO_PASS", results["psf__requests-864"].Error, StringComparison.Ordinal);
        Assert.Contains($"{instances}:", results["psf__requests-864"].Error, StringComparison.Ordinal);
        Assert.Equal(EvaluationErrorKind.NoEnvironment, results["somebody__unknown-1"].ErrorKind);
        Assert.Contains("no test command for somebody/unknown", results["somebody__unknown-1"].Error, StringComparison.Ordinal);
        Assert.Equal(3, summary.Report.ErrorIds.Count);
        Assert.Empty(summary.Report.UnresolvedIds);
    }

    /// <summary>A real `GIT binary patch` creating <paramref name="file"/>, made by git in a scratch repository.</summary>
    private static async Task<string> BinaryPatchAsync(string scratch, string file, byte[] content)
    {
        Directory.CreateDirectory(Path.Combine(scratch, Path.GetDirectoryName(file)!));
        var git = new SweLego.Tasks.Git.GitCommand(scratch);
        await git.RunAsync(["init", "--quiet"], CancellationToken.None);
        await File.WriteAllBytesAsync(Path.Combine(scratch, file), content);
        await git.RunAsync(["add", "--", file], CancellationToken.None);
        string patch = await git.RunAsync(["diff", "--cached", "--binary", "--full-index"], CancellationToken.None);
        Assert.Contains("GIT binary patch", patch, StringComparison.Ordinal);
        return patch;
    }

    internal static JsonObject SweBenchRow(string id, string version, bool withFailToPass, string repo = "psf/requests")
    {
        var row = new JsonObject
        {
            ["repo"] = repo, ["instance_id"] = id, ["base_commit"] = new string('a', 40), ["patch"] = "", ["test_patch"] = "",
            ["problem_statement"] = "p", ["hints_text"] = "", ["created_at"] = "2020-01-01T00:00:00Z", ["version"] = version,
            ["PASS_TO_PASS"] = "[]", ["environment_setup_commit"] = new string('b', 40),
        };
        if (withFailToPass) row["FAIL_TO_PASS"] = "[\"test_x.py::test_a\"]";
        return row;
    }
}
