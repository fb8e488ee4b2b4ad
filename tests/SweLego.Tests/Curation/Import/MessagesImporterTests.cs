using System.Text.Json.Nodes;
using Parquet.Serialization;
using SweLego.Cli;
using SweLego.Curation.Import;
using SweLego.Runs;
using SweLego.Tests.Cli;
using SweLego.Tests.TestSupport;
using static SweLego.Tests.Curation.Import.ImportFixtures;

namespace SweLego.Tests.Curation.Import;

/// <summary>Datasets with a messages column (SWE-Lego, SWE-smith, CoderForge shapes) from JSONL and Parquet, and the CLI.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class MessagesImporterTests : IDisposable
{
    private readonly TempDirectory temp = new("swelego-import-msg-");

    private static JsonObject Message(string role, string content) => new() { ["role"] = role, ["content"] = content };

    /// <summary>SWE-Lego's released shape: text-protocol calls, EXECUTION RESULT observations, turn_mask on assistant turns.</summary>
    private static JsonObject SweLegoRow() => new()
    {
        ["instance_id"] = "acme__calc-1",
        ["messages"] = new JsonArray(
            Message("system", "You are a helpful assistant."),
            Message("user", Instruction),
            new JsonObject { ["role"] = "assistant", ["content"] = "Run the tests.\n\n<function=execute_bash>\n<parameter=command>python -m pytest -q</parameter>\n</function>", ["turn_mask"] = 0 },
            Message("user", $"EXECUTION RESULT of [execute_bash]:\n{FailingTests}\n[Command finished with exit code 1]"),
            new JsonObject { ["role"] = "assistant", ["content"] = "<function=str_replace_editor>\n<parameter=command>str_replace</parameter>\n<parameter=path>/testbed/calc.py</parameter>\n<parameter=old_str>a - b</parameter>\n<parameter=new_str>a + b</parameter>\n</function>", ["turn_mask"] = 1 },
            Message("user", "EXECUTION RESULT of [str_replace_editor]:\nThe file /testbed/calc.py has been edited."),
            new JsonObject { ["role"] = "assistant", ["content"] = "<function=finish>\n<parameter=message>Fixed.</parameter>\n</function>", ["turn_mask"] = 1 }),
    };

    /// <summary>CoderForge's shape: messages as a JSON string, OpenAI tool calls (two in one reply) answered by tool messages, a reward.</summary>
    private static JsonObject CoderForgeRow()
    {
        static JsonObject Call(string id, string name, string arguments) => new() { ["id"] = id, ["type"] = "function", ["function"] = new JsonObject { ["name"] = name, ["arguments"] = arguments } };
        var messages = new JsonArray(
            Message("system", "You are OpenHands agent."),
            Message("user", Instruction),
            new JsonObject
            {
                ["role"] = "assistant", ["content"] = "First think, then look.",
                ["tool_calls"] = new JsonArray(Call("c1", "think", "{\"thought\": \"The operator is wrong.\"}"), Call("c2", "execute_bash", "{\"command\": \"cat calc.py\"}")),
            },
            new JsonObject { ["role"] = "tool", ["tool_call_id"] = "c1", ["content"] = "Your thought has been logged." },
            new JsonObject { ["role"] = "tool", ["tool_call_id"] = "c2", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "def add(a, b):\n    return a - b" }) },
            new JsonObject { ["role"] = "assistant", ["content"] = "", ["tool_calls"] = new JsonArray(Call("c3", "web_search", "{\"query\": \"python add\"}")) },
            new JsonObject { ["role"] = "tool", ["tool_call_id"] = "c3", ["content"] = "no results" },
            new JsonObject { ["role"] = "assistant", ["content"] = "", ["tool_calls"] = new JsonArray(Call("c4", "finish", "{\"message\": \"done\"}")) });
        return new JsonObject { ["trajectory_id"] = "acme__calc-1.cf-7", ["finish_reason"] = "finish", ["messages"] = messages.ToJsonString(), ["reward"] = 1.0, ["license"] = "mit" };
    }

    [Fact]
    public async Task Jsonl_SweLegoAndCoderForgeRows_RoundTrip_MalformedLineNamed()
    {
        string file = temp.Combine("data.jsonl");
        WriteLines(file, SweLegoRow().ToJsonString(), "{\"instance_id\": \"acme__calc-9\", \"messages\": 42}", CoderForgeRow().ToJsonString());
        var run = RunFolder.Create(temp.Combine("run"));

        var summary = await TrajectoryImport.RunAsync(run, "messages", file, "qwen3-8b", CancellationToken.None);

        var skip = Assert.Single(summary.Skipped);
        Assert.Equal(($"{file}:2", "acme__calc-9", "field 'messages' is number, not a list"), (skip.Origin, skip.InstanceId, skip.Reason));
        var records = Imported(run);
        Assert.Equal(2, records.Count);
        var lego = Load(run, records[0]);
        AssertShape(lego);
        Assert.Equal(["execute_bash", "str_replace_editor", "finish"], CallNames(lego));
        Assert.Equal(FailingTests + "\n[Command finished with exit code 1]", lego.Steps[0].Observation);
        Assert.Equal(SweLegoRow()["messages"]![2]!["content"]!.ToString(), lego.Messages[2].Content);
        Assert.Equal((null, null, "qwen3-8b", "acme/calc"), (records[0].Resolved, records[0].LabelSource, records[0].ModelNameOrPath, records[0].Repo));

        var forge = Load(run, records[1]);
        AssertShape(forge);
        // Without an instance_id column the trajectory id stands in for it; the rollout id is then the content hash.
        Assert.Equal("acme__calc-1.cf-7", records[1].InstanceId);
        Assert.Matches("^h[0-9a-f]{12}$", records[1].RolloutId);
        Assert.Equal(["think", "execute_bash", "web_search", "finish"], CallNames(forge));
        Assert.Equal(("Your thought has been logged.", "def add(a, b):\n    return a - b"), (forge.Steps[0].Observation, forge.Steps[1].Observation));
        Assert.Equal((true, "dataset reward column (>= 0.5)", 1), (records[1].Resolved, records[1].LabelSource, records[1].UnmappedCalls));
    }

    private sealed class SmithRow
    {
        public string instance_id { get; set; } = "";
        public string messages { get; set; } = "";
        public bool resolved { get; set; }
        public string model { get; set; } = "";
        public string traj_id { get; set; } = "";
        public string patch { get; set; } = "";
    }

    [Fact]
    public async Task Parquet_SweSmithRows_ResolvedColumn_AndSecondFileAdds()
    {
        var smithMessages = new JsonArray(
            Message("system", "You are a helpful assistant."),
            Message("user", Instruction),
            Message("assistant", "Look.\n\n<function=bash>\n<parameter=command>cat calc.py</parameter>\n</function>"),
            Message("user", "OBSERVATION:\ndef add(a, b):\n    return a - b"),
            Message("assistant", "<function=submit>\n</function>"));
        string dataset = temp.Combine("SWE-smith-trajectories");
        string file = Path.Combine(dataset, "data", "train-00000-of-00001.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await ParquetSerializer.SerializeAsync(new[]
        {
            new SmithRow { instance_id = "acme__calc.1a2b3c4d.func_pm_op_swap__x1", messages = smithMessages.ToJsonString(), resolved = true, model = "claude-3-7", traj_id = "t-1", patch = Patch },
            new SmithRow { instance_id = "acme__calc.1a2b3c4d.func_pm_op_swap__x2", messages = "[{\"role\": \"user\"", resolved = false, model = "claude-3-7", traj_id = "t-2" },
        }, file);
        var run = RunFolder.Create(temp.Combine("run"));

        var summary = await TrajectoryImport.RunAsync(run, "messages", dataset, null, CancellationToken.None);

        var skip = Assert.Single(summary.Skipped);
        Assert.Equal($"{file}#1", skip.Origin);
        var record = Assert.Single(Imported(run));
        Assert.Equal(("t-1", "acme/calc", true, "dataset resolved column", Patch, "claude-3-7"),
            (record.RolloutId, record.Repo, record.Resolved, record.LabelSource, record.ModelPatch, record.ModelNameOrPath));
        var trajectory = Load(run, record);
        AssertShape(trajectory);
        Assert.Equal(["execute_bash", "finish"], CallNames(trajectory));
        Assert.Equal("OBSERVATION:\ndef add(a, b):\n    return a - b", trajectory.Steps[0].Observation);

        string second = temp.Combine("more.jsonl");
        WriteLines(second, SweLegoRow().ToJsonString());
        var more = await TrajectoryImport.RunAsync(run, "messages", second, null, CancellationToken.None);
        Assert.Equal((1, 0), (more.Added, more.AlreadyImported));
        Assert.Equal(2, Imported(run).Count);
        Assert.Equal(2, File.ReadAllLines(run.StagePath("import", "predictions.jsonl")).Length);
    }

    [Fact]
    public async Task Cli_ImportsAndPointsAtEval_UnknownFormatIsUsageError_NothingImportableExits1()
    {
        string file = temp.Combine("data.jsonl");
        WriteLines(file, SweLegoRow().ToJsonString(), "{broken");
        string runPath = temp.Combine("run");

        var (exit, stdout, stderr) = await CliRunner.RunAsync("import", "messages", file, "--run", runPath);

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        Assert.Contains($"skipped: {file}:2: not valid JSON", stdout, StringComparison.Ordinal);
        Assert.Contains("messages: imported 1, already imported 0, skipped 1", stdout, StringComparison.Ordinal);
        Assert.Contains($"swelego eval -i INSTANCES -p {Path.Combine(runPath, "import", "predictions.jsonl")} --run {runPath}", stdout, StringComparison.Ordinal);

        var (unknownExit, _, unknownError) = await CliRunner.RunAsync("import", "aider", file, "--run", runPath);
        Assert.Equal(CliApp.UsageError, unknownExit);
        Assert.Contains("openhands", unknownError, StringComparison.Ordinal);

        string bad = temp.Combine("bad.jsonl");
        WriteLines(bad, "{broken");
        var (badExit, _, badError) = await CliRunner.RunAsync("import", "messages", bad, "--run", temp.Combine("run2"));
        Assert.Equal(CliApp.Failure, badExit);
        Assert.Contains("nothing could be imported", badError, StringComparison.Ordinal);

        var (helpExit, help, _) = await CliRunner.RunAsync("import", "--help");
        Assert.Equal(0, helpExit);
        foreach (var importer in ImporterRegistry.All) Assert.Contains($"{importer.Format}: {importer.Description}", help, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
