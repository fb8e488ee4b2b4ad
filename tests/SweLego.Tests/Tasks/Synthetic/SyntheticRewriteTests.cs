using System.Text.RegularExpressions;
using SweLego.Models;
using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Synthetic;
using SweLego.Tasks.Synthetic.Rewrite;
using SweLego.Tests.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic;

/// <summary>
/// <c>llm.rewrite</c> end to end through <see cref="SyntheticTaskMiner"/> against a real HTTP model
/// stub on loopback: one function gets a buggy implementation (an instance with a model-written
/// problem statement), others get garbage, their own body back, or HTTP 500 — each a rejection
/// with a clear reason — and the rest a 404.
/// </summary>
public sealed partial class SyntheticRewriteTests(SampleTasksFixture sample) : IClassFixture<SampleTasksFixture>
{
    private const string Statement = "mean() of [1, 2, 3] is not 2.";

    [Fact]
    public async Task RunAsync_RewritesFromAModelStub_InstanceForTheBugAndReasonsForTheFailures()
    {
        using var stub = new ModelStub { Fallback = StubReply.Status(404, "{\"error\":{\"message\":\"no such model\"}}") };
        string stats = File.ReadAllText(Path.Combine(sample.History.Path, "tally", "stats.py"));
        string mode = Regex.Match(stats, @"def mode\(.*?(?=\n\n\ndef )", RegexOptions.Singleline).Value;
        stub.Responder = request =>
        {
            string prompt = request.MessagesText();
            if (!prompt.Contains(LlmRewriter.BodyMarker, StringComparison.Ordinal)) return StubReply.Text(Statement);
            return RewriteTarget().Match(prompt).Groups["name"].Value switch
            {
                "mean" => StubReply.Text("```python\ndef mean(data):\n    \"\"\"Arithmetic mean of *data*.\"\"\"\n    values = _require_data(data)\n    return sum(values) / (len(values) + 1)\n```"),
                "median" => StubReply.Text("I am sorry, I cannot help with that."),
                "mode" => StubReply.Text("```python\n" + mode + "\n```"),
                "variance" => StubReply.Status(500),
                _ => null,
            };
        };
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));
        var options = new SyntheticTaskOptions
        {
            Repository = sample.History.Path, Offline = true, Runs = 1, Methods = [LlmRewriter.Id],
            Model = new ModelClientOptions { Endpoint = stub.Endpoint, Model = "stub", MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(10) },
        };

        var summary = await SyntheticTaskMiner.RunAsync(run, options);

        var instance = Assert.Single(JsonlReader.Read<TaskInstance>(summary.InstancesPath, RunJson.Options));
        Assert.Equal(new SyntheticBug(LlmRewriter.Id, "tally/stats.py::mean", instance.Bug!.Description), instance.Bug);
        Assert.Contains("+    return sum(values) / len(values)", instance.Patch, StringComparison.Ordinal);
        Assert.Equal(Statement, instance.ProblemStatement.TrimEnd());
        Assert.False(instance.ProblemStatementWeak);
        using (var scratch = new TempDirectory())
        {
            var check = await TaskRevalidator.RunAsync(instance, run.DirectoryPath, scratch.Path);
            Assert.True(check.Holds(instance), check.ToString());
        }

        var rejections = JsonlReader.Read<SyntheticRejection>(summary.RejectedPath, RunJson.Options).ToDictionary(r => r.Bug.Function);
        Assert.Equal(SyntheticRejectionKind.NoCandidate, rejections["tally/stats.py::median"].Kind);
        Assert.Equal("reply has no Python code", rejections["tally/stats.py::median"].Reason);
        Assert.Equal("rewrite is unchanged", rejections["tally/stats.py::mode"].Reason);
        Assert.StartsWith("model error: HTTP 500", rejections["tally/stats.py::variance"].Reason, StringComparison.Ordinal);
        Assert.Contains("after 2 attempts", rejections["tally/stats.py::variance"].Reason, StringComparison.Ordinal);
        Assert.Contains("HTTP 404", rejections["tally/stats.py::percentile"].Reason, StringComparison.Ordinal);
        Assert.All(rejections.Values, r => Assert.Equal(LlmRewriter.Id, r.Bug.Method));

        // A resumed run asks the model nothing new: every documented function is settled.
        int requests = stub.Requests.Count;
        var again = await SyntheticTaskMiner.RunAsync(run, options);
        Assert.Equal(requests, stub.Requests.Count);
        Assert.Equal(1, again.Kept);
    }

    [GeneratedRegex(@"def (?<name>\w+)\([^)]*\):\s*\n\s*(?:""""""|''')(?:(?!""""""|''').)*(?:""""""|''')\s*\n\s*# <implementation removed>", RegexOptions.Singleline)]
    private static partial Regex RewriteTarget();
}
