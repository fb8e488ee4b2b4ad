using System.Text.Json.Nodes;
using SweLego.Evaluation;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Evaluation;

/// <summary>
/// An instance of another dataset, evaluated in its image as the SWE-bench harness does: a real local
/// image under the harness's build name (<c>sweb.eval.x86_64.&lt;id&gt;:latest</c>) holding the repository
/// at /testbed, the harness's whole eval.sh run in the container, graded by the repository's parser.
/// The image is made here from the sandbox base image (Debian's Python and pytest); its
/// <c>/opt/miniconda3/bin/activate</c> defines a no-op <c>conda</c>, the one fake: no conda exists offline.
/// </summary>
public sealed class ImageEvaluationTests : IAsyncLifetime, IDisposable
{
    private const string InstanceId = "psf__requests-9001";
    private const string Image = $"sweb.eval.x86_64.{InstanceId}:latest";

    private const string Gold =
        "diff --git a/calc.py b/calc.py\n--- a/calc.py\n+++ b/calc.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return a - b\n+    return a + b\n";

    private const string TestPatch =
        "diff --git a/tests/test_calc.py b/tests/test_calc.py\n--- a/tests/test_calc.py\n+++ b/tests/test_calc.py\n@@ -3,2 +3,6 @@ from calc import add\n" +
        " def test_other():\n     assert True\n+\n+\n+def test_add():\n+    assert add(2, 3) == 5\n";

    private readonly TempDirectory _folder = new("swelego-eval-image-");
    private readonly Docker.DotNet.DockerClient _client = DockerEndpoint.CreateClient((string?)null);
    private string _baseCommit = "";

    public async Task InitializeAsync()
    {
        string dockerfile =
            $"FROM {DockerBackendOptions.BaseImage}\n" +
            "RUN mkdir -p /opt/miniconda3/bin /testbed/tests && printf 'conda() { :; }\\n' > /opt/miniconda3/bin/activate \\\n" +
            " && cd /testbed && printf 'def add(a, b):\\n    return a - b\\n' > calc.py && : > conftest.py \\\n" +
            " && printf 'from calc import add\\n\\ndef test_other():\\n    assert True\\n' > tests/test_calc.py \\\n" +
            " && git init -q && git add -A && git -c user.name=t -c user.email=t@example.com commit -qm base\n";
        await _client.BuildAsync(Image, dockerfile, new Dictionary<string, string> { ["swelego.test"] = "1" });
        await using var session = await new DockerBackend(new DockerBackendOptions()).StartAsync(new SandboxSpec { Image = Image, Workdir = "/testbed" });
        _baseCommit = (await session.ExecAsync("git rev-parse HEAD")).Output.Trim();
    }

    [Theory]
    [InlineData("5.0.2")]
    [InlineData("4.0.4")]
    public async Task RunAsync_ImageOfAnotherDataset_HarnessEvalScriptResolvesGoldOnly(string harness)
    {
        string instances = _folder.Combine($"dataset-{harness}.jsonl");
        File.WriteAllText(instances, new JsonObject
        {
            ["repo"] = "psf/requests", ["instance_id"] = InstanceId, ["base_commit"] = _baseCommit, ["patch"] = Gold, ["test_patch"] = TestPatch,
            ["version"] = "2.0", ["FAIL_TO_PASS"] = "[\"tests/test_calc.py::test_add\"]", ["PASS_TO_PASS"] = "[\"tests/test_calc.py::test_other\"]",
            ["problem_statement"] = "add subtracts", ["environment_setup_commit"] = _baseCommit,
        }.ToJsonString() + "\n");
        string predictions = _folder.Combine($"preds-{harness}.jsonl");
        File.WriteAllText(predictions,
            new JsonObject { ["instance_id"] = InstanceId, ["rollout_id"] = "gold", ["model_patch"] = Gold, ["model_name_or_path"] = "m" }.ToJsonString() + "\n" +
            new JsonObject { ["instance_id"] = InstanceId, ["rollout_id"] = "none", ["model_patch"] = "diff --git a/README b/README\nnew file mode 100644\n--- /dev/null\n+++ b/README\n@@ -0,0 +1 @@\n+hi\n", ["model_name_or_path"] = "m" }.ToJsonString() + "\n");
        var run = RunFolder.Create(_folder.Combine($"run-{harness}"));

        var summary = await EvaluationStage.RunAsync(run, new EvaluationOptions
        {
            InstancesPath = instances, PredictionsPath = predictions, Harness = SweLego.Tasks.Harness.HarnessVersions.Parse(harness),
        });

        var results = summary.Results.ToDictionary(r => r.RolloutId!);
        Assert.True(results["gold"].Verdict == EvaluationVerdict.Resolved, $"{results["gold"].Verdict} {results["gold"].Error}");
        Assert.Equal(EvaluationVerdict.Unresolved, results["none"].Verdict);
        string folder = Path.Combine(run.DirectoryPath, results["gold"].Folder!);
        string script = File.ReadAllText(Path.Combine(folder, "eval.sh"));
        Assert.Contains("source /opt/miniconda3/bin/activate", script, StringComparison.Ordinal);
        Assert.Contains($"git checkout '{_baseCommit}' 'tests/test_calc.py'", script, StringComparison.Ordinal);
        Assert.Contains("git apply -v - <<'EOF_114329324912'", script, StringComparison.Ordinal);
        string log = File.ReadAllText(Path.Combine(folder, "test_output.txt"));
        Assert.Contains("PASSED tests/test_calc.py::test_add", log, StringComparison.Ordinal);
        Assert.Equal(harness == "5.0.2", log.Contains(">>>>> Test Exit Code: 0", StringComparison.Ordinal));
    }

    public async Task DisposeAsync()
    {
        await _client.RemoveImageIfPresentAsync(Image);
        Dispose();
    }

    public void Dispose()
    {
        _client.Dispose();
        _folder.Dispose();
    }
}
