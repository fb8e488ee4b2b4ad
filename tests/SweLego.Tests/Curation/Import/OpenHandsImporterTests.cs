using System.Text.Json.Nodes;
using SweLego.Curation.Import;
using SweLego.Runs;
using SweLego.Tests.TestSupport;
using static SweLego.Tests.Curation.Import.ImportFixtures;

namespace SweLego.Tests.Curation.Import;

/// <summary>OpenHands output.jsonl: the event history (and the early pair shape) round-trips into our trajectory.</summary>
public sealed class OpenHandsImporterTests : IDisposable
{
    private readonly TempDirectory temp = new("swelego-import-oh-");

    private static JsonObject Event(int id, string source, string kind, string value, JsonObject? args = null, JsonObject? extra = null)
    {
        var e = new JsonObject { ["id"] = id, ["timestamp"] = "2025-01-01T00:00:00", ["source"] = source, ["message"] = "", [kind] = value };
        if (args is not null) e["args"] = args;
        foreach (var (k, v) in extra ?? []) e[k] = v?.DeepClone();
        return e;
    }

    private static JsonObject Observation(int id, int cause, string kind, string content, JsonObject? extras = null) =>
        Event(id, "environment", "observation", kind, extra: new JsonObject { ["cause"] = cause, ["content"] = content, ["extras"] = extras ?? [] });

    /// <summary>The 0.3x+ shape: a flat event list, the model's call kept in tool_call_metadata.</summary>
    private static JsonObject EventRecord()
    {
        var rawCall = new JsonObject
        {
            ["function_name"] = "execute_bash", ["tool_call_id"] = "call_1", ["total_calls_in_response"] = 1,
            ["model_response"] = new JsonObject
            {
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["message"] = new JsonObject
                    {
                        ["role"] = "assistant", ["content"] = "Let me look around.",
                        ["tool_calls"] = new JsonArray(new JsonObject { ["id"] = "call_1", ["type"] = "function", ["function"] = new JsonObject { ["name"] = "execute_bash", ["arguments"] = "{\"command\": \"ls /testbed\"}" } }),
                    },
                }),
            },
        };
        var history = new JsonArray(
            Event(0, "agent", "action", "system", new JsonObject { ["content"] = "You are OpenHands agent." }),
            Event(1, "user", "action", "message", new JsonObject { ["content"] = Instruction }),
            Event(2, "agent", "action", "run", new JsonObject { ["command"] = "ls /testbed", ["thought"] = "Let me look around." }, new JsonObject { ["tool_call_metadata"] = rawCall }),
            Observation(3, 2, "run", "calc.py\ntest_calc.py", new JsonObject { ["command"] = "ls /testbed", ["metadata"] = new JsonObject { ["exit_code"] = 0 } }),
            Event(4, "agent", "action", "read", new JsonObject { ["path"] = "/testbed/calc.py", ["thought"] = "" }),
            Observation(5, 4, "read", "     1\tdef add(a, b):\n     2\t    return a - b"),
            Event(6, "agent", "action", "run", new JsonObject { ["command"] = "python -m pytest -q test_calc.py", ["thought"] = "Run the tests first." }),
            Observation(7, 6, "run", FailingTests, new JsonObject { ["metadata"] = new JsonObject { ["exit_code"] = 1 } }),
            Event(8, "agent", "action", "edit", new JsonObject
            {
                ["command"] = "str_replace", ["path"] = "/testbed/calc.py", ["old_str"] = "return a - b", ["new_str"] = "return a + b", ["file_text"] = null, ["insert_line"] = null, ["thought"] = "Fix the operator.",
            }),
            Observation(9, 8, "edit", "The file /testbed/calc.py has been edited."),
            Event(10, "agent", "action", "browse", new JsonObject { ["url"] = "https://docs.python.org", ["thought"] = "Check the docs." }),
            Observation(11, 10, "error", "Browsing is disabled."),
            Event(12, "agent", "action", "finish", new JsonObject { ["final_thought"] = "Fixed add().", ["task_completed"] = "true", ["outputs"] = new JsonObject() }),
            Event(13, "environment", "observation", "agent_state_changed", extra: new JsonObject { ["content"] = "", ["extras"] = new JsonObject { ["agent_state"] = "finished" } }));
        return new JsonObject
        {
            ["instance_id"] = "acme__calc-1",
            ["instance"] = new JsonObject { ["repo"] = "acme/calc", ["instance_id"] = "acme__calc-1" },
            ["instruction"] = Instruction,
            ["history"] = history,
            ["metadata"] = new JsonObject { ["agent_class"] = "CodeActAgent", ["llm_config"] = new JsonObject { ["model"] = "openai/qwen3-8b" } },
            ["test_result"] = new JsonObject { ["git_patch"] = Patch },
            ["error"] = null,
        };
    }

    /// <summary>The early shape: history as [action, observation] pairs; the label in test_result.report.</summary>
    private static JsonObject PairRecord() => new()
    {
        ["instance_id"] = "acme__calc-2",
        ["instruction"] = Instruction,
        ["history"] = new JsonArray(
            new JsonArray(Event(1, "user", "action", "message", new JsonObject { ["content"] = Instruction }), Event(2, "user", "observation", "null", extra: new JsonObject { ["content"] = "" })),
            new JsonArray(Event(3, "agent", "action", "run", new JsonObject { ["command"] = "cat calc.py", ["thought"] = "Read it." }), Observation(4, 3, "run", "def add(a, b):\n    return a - b", new JsonObject { ["exit_code"] = 0 })),
            new JsonArray(Event(5, "agent", "action", "message", new JsonObject { ["content"] = "I think I am done." }), Event(6, "user", "observation", "null", extra: new JsonObject { ["content"] = "" })),
            new JsonArray(Event(7, "user", "action", "message", new JsonObject { ["content"] = "Please continue working on the task." }), Event(8, "user", "observation", "null", extra: new JsonObject { ["content"] = "" })),
            new JsonArray(Event(9, "agent", "action", "run", new JsonObject { ["command"] = "false", ["thought"] = "" }), Observation(10, 9, "run", "", new JsonObject { ["exit_code"] = 1 }))),
        ["metadata"] = new JsonObject { ["model_name"] = "gpt-4o" },
        ["test_result"] = new JsonObject { ["git_patch"] = "", ["report"] = new JsonObject { ["resolved"] = false } },
        ["error"] = "Agent reached maximum iteration in headless mode",
    };

    [Fact]
    public async Task OutputJsonl_RoundTripsEventsAndPairs_SkipsTheMalformedLine_LabelsFromReportJson()
    {
        string output = temp.Combine("outputs", "output.jsonl");
        WriteLines(output, EventRecord().ToJsonString(), "{\"instance_id\": \"acme__calc-3\", \"history\": [", PairRecord().ToJsonString());
        WriteJson(temp.Combine("outputs", "report.json"), new JsonObject
        {
            ["total_instances"] = 2, ["resolved_ids"] = new JsonArray("acme__calc-1"), ["unresolved_ids"] = new JsonArray(), ["error_ids"] = new JsonArray("acme__calc-2"),
        });
        var run = RunFolder.Create(temp.Combine("run"));

        var summary = await TrajectoryImport.RunAsync(run, "openhands", output, null, CancellationToken.None);

        Assert.Equal(2, summary.Added);
        var skip = Assert.Single(summary.Skipped);
        Assert.Equal($"{output}:2", skip.Origin);
        Assert.StartsWith("not valid JSON", skip.Reason, StringComparison.Ordinal);
        var records = Imported(run);
        var first = records.Single(r => r.InstanceId == "acme__calc-1");
        Assert.Equal(("acme/calc", "openai/qwen3-8b", Patch, true, "openhands report.json", 1), (first.Repo, first.ModelNameOrPath, first.ModelPatch, first.Resolved, first.LabelSource, first.UnmappedCalls));
        Assert.Equal($"{output}:1", first.Origin);

        var trajectory = Load(run, first);
        AssertShape(trajectory);
        Assert.Equal("You are OpenHands agent.", trajectory.Messages[0].Content);
        Assert.Equal(Instruction, trajectory.Messages[1].Content);
        Assert.Equal(["execute_bash", "str_replace_editor", "execute_bash", "str_replace_editor", "browse", "finish"], CallNames(trajectory));
        var steps = trajectory.Steps;
        Assert.Equal(("ls /testbed", "Let me look around."), (Argument(steps[0], "command"), steps[0].Reasoning));
        Assert.Equal("calc.py\ntest_calc.py\n[Command finished with exit code 0]", steps[0].Observation);
        Assert.Equal(("view", "/testbed/calc.py"), (Argument(steps[1], "command"), Argument(steps[1], "path")));
        Assert.Equal(FailingTests + "\n[Command finished with exit code 1]", steps[2].Observation);
        Assert.Equal($"EXECUTION RESULT of [execute_bash]:\n{FailingTests}\n[Command finished with exit code 1]", trajectory.Messages[steps[2].RequestMessages + 1].Content);
        Assert.Equal(["command", "path", "old_str", "new_str"], steps[3].Call!.Arguments.Select(a => a.Key));
        Assert.Equal("return a + b", Argument(steps[3], "new_str"));
        Assert.Equal("Fix the operator.\n\n<function=str_replace_editor>\n<parameter=command>str_replace</parameter>\n<parameter=path>/testbed/calc.py</parameter>\n" +
            "<parameter=old_str>return a - b</parameter>\n<parameter=new_str>return a + b</parameter>\n</function>", steps[3].Reply.Text);
        Assert.Equal("Browsing is disabled.\n[Error occurred in processing last action]", steps[4].Observation);
        Assert.Equal("Fixed add().", Argument(steps[5], "message"));
        Assert.Equal("assistant", trajectory.Messages[^1].Role);
        Assert.Equal((SweLego.Agent.Trajectories.RolloutStatus.Finished, Patch), (trajectory.Status, trajectory.Patch));

        var second = Load(run, records.Single(r => r.InstanceId == "acme__calc-2"));
        AssertShape(second);
        Assert.Equal(["execute_bash", null, "execute_bash"], CallNames(second));
        Assert.Equal(("I think I am done.", "Please continue working on the task."), (second.Steps[1].Reply.Text, second.Steps[1].Observation));
        Assert.Equal("\n[Command finished with exit code 1]", second.Steps[2].Observation);
        var label = records.Single(r => r.InstanceId == "acme__calc-2");
        Assert.Equal((false, "openhands test_result", "acme/calc", "gpt-4o"), (label.Resolved, label.LabelSource, label.Repo, label.ModelNameOrPath));
        Assert.Equal(SweLego.Agent.Trajectories.RolloutStatus.MaxTurns, second.Status);
    }

    [Fact]
    public async Task ReimportingTheSameFile_AddsNothing_AndListsTheSkippedLineOnce()
    {
        string output = temp.Combine("output.jsonl");
        WriteLines(output, EventRecord().ToJsonString(), "not json at all", PairRecord().ToJsonString());
        var run = RunFolder.Create(temp.Combine("run"));
        await TrajectoryImport.RunAsync(run, "openhands", output, null, CancellationToken.None);
        var files = Directory.GetFiles(run.StagePath("import", "trajectories"), "*.json", SearchOption.AllDirectories);

        var again = await TrajectoryImport.RunAsync(run, "openhands", output, null, CancellationToken.None);

        Assert.Equal((0, 2, 1), (again.Added, again.AlreadyImported, again.Skipped.Count));
        Assert.Equal(2, Imported(run).Count);
        Assert.Single(Skipped(run));
        Assert.Equal(files.Order(), Directory.GetFiles(run.StagePath("import", "trajectories"), "*.json", SearchOption.AllDirectories).Order());
        var stage = run.ReadManifest().Stage("import");
        Assert.Equal((2L, 1L, 1L, 1L), (stage.Counts["imported"], stage.Counts["skipped"], stage.Counts["resolved"] + stage.Counts["unevaluated"], stage.Counts["unresolved"]));
        var predictions = File.ReadAllLines(run.StagePath("import", "predictions.jsonl"));
        Assert.Equal(2, predictions.Length);
        Assert.Contains(predictions, p => JsonNode.Parse(p)!["instance_id"]!.ToString() == "acme__calc-1" && JsonNode.Parse(p)!["model_patch"]!.ToString() == Patch);
    }

    public void Dispose() => temp.Dispose();
}
