using System.Text.Json.Nodes;
using Parquet.Serialization;
using SweLego.Tests.Evaluation.Inputs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary>
/// <c>swelego eval</c> and <c>eval grade</c> as a user runs them: a SWE-bench Verified-shaped Parquet
/// dataset whose images are not here (each an error naming the image, never unresolved), a row
/// without FAIL_TO_PASS, and a log graded under both harness versions.
/// </summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class EvalCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new("swelego-eval-cli-");

    [Fact]
    public async Task Eval_ParquetDatasetWithoutImages_ErrorsNamingTheImageAndTheRow()
    {
        string file = _folder.Combine("SWE-bench_Verified", "data", "test-00000-of-00001.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await ParquetSerializer.SerializeAsync(new[]
        {
            VerifiedDataset.Row("django__django-11099", "[\"test_unicode_validator (auth_tests.test_validators.UsernameValidatorsTests)\"]", "[]"),
            VerifiedDataset.Row("sympy__sympy-20590", null, "[]"),
        }, file);
        string predictions = _folder.Combine("preds.json");
        File.WriteAllText(predictions, new JsonObject
        {
            ["django__django-11099"] = new JsonObject { ["model_patch"] = "diff --git a/f.py b/f.py\n", ["model_name_or_path"] = "m" },
            ["sympy__sympy-20590"] = new JsonObject { ["model_patch"] = "diff --git a/f.py b/f.py\n", ["model_name_or_path"] = "m" },
            ["nobody__nothing-1"] = new JsonObject { ["model_patch"] = "", ["model_name_or_path"] = "m" },
        }.ToJsonString());
        string run = _folder.Combine("run");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("eval", "--instances", _folder.Combine("SWE-bench_Verified"), "--predictions", predictions, "--run", run);

        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("no_environment 1", stdout, StringComparison.Ordinal);
        Assert.Contains("bad_instance 1", stdout, StringComparison.Ordinal);
        Assert.Contains("unknown instance id", stdout, StringComparison.Ordinal);
        Assert.Contains("nobody__nothing-1", stdout, StringComparison.Ordinal);
        var results = File.ReadAllLines(Path.Combine(run, "evaluation", "results.jsonl")).Select(l => JsonNode.Parse(l)!).ToDictionary(n => n["instance_id"]!.GetValue<string>());
        Assert.Contains("swebench/sweb.eval.x86_64.django_1776_django-11099:latest", results["django__django-11099"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"{file}#1: sympy__sympy-20590: no FAIL_TO_PASS", results["sympy__sympy-20590"]!["error"]!.GetValue<string>(), StringComparison.Ordinal);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "evaluation", "report.json")))!;
        Assert.Equal(2, report["total_instances"]!.GetValue<int>());
        Assert.Equal(2, report["error_instances"]!.GetValue<int>());
        Assert.Equal(0, report["unresolved_instances"]!.GetValue<int>());
        Assert.Equal(3, report["submitted_instances"]!.GetValue<int>());
    }

    [Fact]
    public async Task EvalGrade_FakePassedLinesWithNonZeroExit_ResolvedOnlyUnder404()
    {
        string instances = _folder.Combine("instances.jsonl");
        File.WriteAllText(instances, new JsonObject
        {
            ["repo"] = "psf/requests", ["instance_id"] = "psf__requests-1", ["base_commit"] = "abc", ["patch"] = "", ["test_patch"] = "",
            ["version"] = "2.0", ["FAIL_TO_PASS"] = "[\"tests/test_x.py::test_a\"]", ["PASS_TO_PASS"] = "[\"tests/test_x.py::test_b\"]",
        }.ToJsonString() + "\n");
        string log = _folder.Combine("test_output.txt");
        File.WriteAllText(log,
            "+ : '>>>>> Start Test Output'\n+ pytest -rA tests/test_x.py\n=== short test summary info ===\nPASSED tests/test_x.py::test_b\n" +
            "FAILED tests/test_x.py::test_a - assert 1 == 2\nPASSED tests/test_x.py::test_a\n+ SWEBENCH_TEST_EXIT_CODE=1\n+ : '>>>>> End Test Output'\n" +
            "+ echo '>>>>> Test Exit Code: 1'\n>>>>> Test Exit Code: 1\n");

        var (exit4, stdout4, _) = await CliRunner.RunAsync("eval", "grade", "-i", instances, "--instance-id", "psf__requests-1", "--log", log, "--harness", "4.0.4");
        var (exit5, stdout5, _) = await CliRunner.RunAsync("eval", "grade", "-i", instances, "--instance-id", "psf__requests-1", "--log", log, "--harness", "5.0.2");
        var (exitBad, _, stderrBad) = await CliRunner.RunAsync("eval", "grade", "-i", instances, "--instance-id", "psf__requests-1", "--log", log, "--harness", "3.0");
        var (exitDefault, stdoutDefault, _) = await CliRunner.RunAsync("eval", "grade", "-i", instances, "--instance-id", "psf__requests-1", "--log", log);

        Assert.Equal(0, exit4);
        Assert.True(JsonNode.Parse(stdout4)!["psf__requests-1"]!["resolved"]!.GetValue<bool>(), stdout4);
        Assert.Equal(0, exit5);
        Assert.False(JsonNode.Parse(stdout5)!["psf__requests-1"]!["resolved"]!.GetValue<bool>(), stdout5);
        Assert.Equal(0, exitDefault);
        Assert.Equal(stdout5, stdoutDefault); // 5.0.2 unless told otherwise (its report has infra_failure)
        Assert.Contains("\"infra_failure\": false", stdout5, StringComparison.Ordinal);
        Assert.Equal(2, exitBad);
        Assert.Contains("--harness", stderrBad, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
