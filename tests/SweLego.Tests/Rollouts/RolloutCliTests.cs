using System.Text.Json.Nodes;
using SweLego.Agent.Trajectories;
using SweLego.Evaluation;
using SweLego.Models;
using SweLego.Rollouts;
using SweLego.Rollouts.Audit;
using SweLego.Runs;
using SweLego.Tests.Cli;
using SweLego.Tests.Evaluation;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Rollouts;

/// <summary>
/// The rollout verbs as users run them: the server check before anything starts, native function calling, <c>rollout show</c>,
/// the OpenHands export, and <c>eval --hack-free</c> over an audited run.
/// </summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class RolloutCliTests(SampleEvaluationFixture sample) : IClassFixture<SampleEvaluationFixture>
{
    private string FirstId => sample.Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal).First();

    [Fact]
    public async Task Rollout_ServerDownOrWrongModel_OneLineNamingUrlAndModel_NoRunFolder()
    {
        using var folder = new TempDirectory();
        string refused = ModelStub.RefusedEndpoint().ToString();
        var (exit, _, stderr) = await CliRunner.RunAsync("rollout", sample.InstancesPath, "--model", "qwen3", "--base-url", refused, "--run", folder.Combine("run"));
        Assert.Equal(1, exit);
        // One line saying what is wrong (then the CLI's usual "--verbose" hint).
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = lines[0];
        Assert.Equal(["(run with --verbose for details)"], lines[1..]);
        Assert.Contains(refused.TrimEnd('/'), line, StringComparison.Ordinal);
        Assert.Contains("qwen3", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("run")));

        using var stub = new ModelStub { ServedModels = [new("served-model")] };
        (exit, _, stderr) = await CliRunner.RunAsync("rollout", sample.InstancesPath, "--model", "qwen3", "--base-url", stub.Endpoint.ToString(), "--run", folder.Combine("run"));
        Assert.Equal(1, exit);
        Assert.Contains("'qwen3'", stderr, StringComparison.Ordinal);
        Assert.Contains("served-model", stderr, StringComparison.Ordinal);
        Assert.Empty(stub.ChatRequests);
    }

    [Fact]
    public async Task Rollout_NativeTools_CallsTravelAsToolCallsAndResultsAsToolMessages()
    {
        using var folder = new TempDirectory();
        string run = folder.Combine("run");
        using var stub = new ModelStub { ServedModels = [new("scripted")] };
        stub.Enqueue(
            StubReply.ToolCalls(new ModelToolCall("call_1", "execute_bash", "{\"command\": \"echo native > native.txt\"}")),
            StubReply.ToolCalls(new ModelToolCall("call_2", "str_replace_editor", "{\"command\": \"view\", \"path\": \"/tmp/testbed/native.txt\", \"view_range\": \"[1, 1]\"}")),
            StubReply.ToolCalls(new ModelToolCall("call_3", "finish", "{\"message\": \"done\"}")));

        var (exit, stdout, stderr) = await CliRunner.RunAsync("rollout", sample.InstancesPath, "--model", "scripted", "--base-url", stub.Endpoint.ToString(),
            "--native-tools", "--instance", FirstId, "--run", run);

        Assert.True(exit == 0, stdout + stderr);
        var record = Assert.Single(JsonlReader.Read<RolloutRecord>(Path.Combine(run, RolloutStage.Stage, RolloutStage.RolloutsFile), RunJson.Options));
        Assert.Equal(RolloutStatus.Finished, record.Status);
        var t = RolloutTestKit.Trajectory(run, record);
        Assert.Equal("native", t.Protocol);
        Assert.Contains("+native", record.ModelPatch, StringComparison.Ordinal);
        var last = stub.ChatRequests[^1].JsonBody!;
        Assert.Equal(4, last["tools"]!.AsArray().Count);
        Assert.Equal("execute_bash", last["tools"]![0]!["function"]!["name"]!.GetValue<string>());
        var messages = last["messages"]!.AsArray();
        Assert.Contains(messages, m => m!["role"]!.GetValue<string>() == "tool" && m["tool_call_id"]!.GetValue<string>() == "call_1");
        Assert.Contains(messages, m => m!["role"]!.GetValue<string>() == "assistant" && m["tool_calls"] is JsonArray calls && calls[0]!["id"]!.GetValue<string>() == "call_2");
        Assert.NotEmpty(t.Steps[1].Repairs);
        Assert.Null(last["stop"]);
    }

    [Fact]
    public async Task ShowExportAndHackFreeEval_OverOneRun()
    {
        using var folder = new TempDirectory();
        string run = folder.Combine("run");
        var instance = sample.Instances.Where(i => !i.FailToPass.Concat(i.PassToPass).Any(t => t.Contains("restock", StringComparison.Ordinal)))
            .OrderBy(i => i.InstanceId, StringComparer.Ordinal).First();
        // Rollout 0 replays the gold patch honestly; rollout 1 first runs `git log --all` (flagged), then does the same.
        using var stub = new ModelStub
        {
            ServedModels = [new("scripted")],
            Responder = ScriptedAgent.Responder((workdir, instruction) => ScriptedAgent.GoldReplay(instance.Patch, workdir)),
        };
        await RolloutTestKit.RunAsync(run, sample.InstancesPath, stub, [instance.InstanceId], k: 1);
        string gitHack = ScriptedAgent.Bash("git log --all --oneline");
        stub.Responder = ScriptedAgent.Responder((workdir, _) => [gitHack, .. ScriptedAgent.GoldReplay(instance.Patch, workdir)]);
        var both = await RolloutTestKit.RunAsync(run, sample.InstancesPath, stub, [instance.InstanceId], k: 2);
        Assert.Equal(2, both.Records.Count);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("rollout", "show", run, instance.InstanceId + "#1");
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("finished", stdout, StringComparison.Ordinal);
        Assert.Contains("git log --all --oneline", stdout, StringComparison.Ordinal);
        Assert.Contains("diff --git", stdout, StringComparison.Ordinal);

        (exit, stdout, stderr) = await CliRunner.RunAsync("rollout", "export", run, "-o", folder.Combine("output.jsonl"));
        Assert.True(exit == 0, stdout + stderr);
        var exported = File.ReadAllLines(folder.Combine("output.jsonl")).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(2, exported.Count);
        Assert.All(exported, e => Assert.Equal(instance.InstanceId, e["instance_id"]!.GetValue<string>()));
        Assert.All(exported, e => Assert.StartsWith("diff --git", e["test_result"]!["git_patch"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Contains(exported[1]["history"]!.AsArray(), h => h!["action"]?.GetValue<string>() == "run");
        Assert.Null(exported[0]["error"]);

        Assert.Equal(1, (await AuditStage.RunAsync(RunFolder.Open(run))).Flagged);
        (exit, stdout, stderr) = await CliRunner.RunAsync("eval", "-i", sample.InstancesPath, "-p", Path.Combine(run, RolloutStage.Stage, RolloutStage.PredictionsFile),
            "--run", run, "--hack-free");
        Assert.True(exit == 0, stdout + stderr);
        var metrics = JsonNode.Parse(File.ReadAllText(Path.Combine(run, EvaluationStage.Stage, EvaluationStage.MetricsFile)))!;
        Assert.Equal(1, metrics["overall"]!["resolved"]!.GetValue<int>());
        Assert.Equal(1.0, metrics["hack_free"]!["resolve_rate_with_flagged"]!.GetValue<double>());
        Assert.Equal(["git-all-refs"], metrics["hack_free"]!["resolved_flagged"]![instance.InstanceId + "#1"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Contains("1 resolved rollout(s) flagged", stdout, StringComparison.Ordinal);
    }
}
