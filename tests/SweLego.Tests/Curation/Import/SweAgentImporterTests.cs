using System.Text.Json.Nodes;
using SweLego.Agent.Trajectories;
using SweLego.Curation.Import;
using SweLego.Runs;
using SweLego.Tests.TestSupport;
using static SweLego.Tests.Curation.Import.ImportFixtures;

namespace SweLego.Tests.Curation.Import;

/// <summary>SWE-agent .traj and mini-swe-agent .traj.json run folders, labelled by the SWE-bench harness's files beside them.</summary>
public sealed class SweAgentImporterTests : IDisposable
{
    private readonly TempDirectory temp = new("swelego-import-sa-");

    private static JsonObject Step(string thought, string action, string observation) => new()
    {
        ["thought"] = thought, ["action"] = action, ["observation"] = observation, ["response"] = $"{thought}\n\n```\n{action}\n```",
        ["execution_time"] = 0.1, ["state"] = new JsonObject { ["working_dir"] = "/testbed" },
    };

    private static JsonObject Traj()
    {
        const string edit = "str_replace_editor str_replace /testbed/calc.py   --old_str '    return a - b' --new_str '    return a + b  # it'\"'\"'s fixed'";
        return new JsonObject
        {
            ["environment"] = "swe_main",
            ["trajectory"] = new JsonArray(
                Step("Find the file.", "find_file calc.py", "Found 1 matches for \"calc.py\" in /testbed:\n/testbed/calc.py"),
                Step("Run the tests.", "python -m pytest -q test_calc.py", FailingTests),
                Step("Fix it.", edit, "The file /testbed/calc.py has been edited."),
                Step("Done.", "submit", Patch)),
            ["history"] = new JsonArray(
                new JsonObject { ["role"] = "system", ["content"] = "SETTING: You are an autonomous programmer.", ["agent"] = "main", ["message_type"] = "system_prompt" },
                new JsonObject { ["role"] = "user", ["content"] = "Here is a demonstration.", ["agent"] = "main", ["is_demo"] = true, ["message_type"] = "demonstration" },
                new JsonObject { ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = Instruction }), ["agent"] = "main", ["message_type"] = "observation" },
                new JsonObject { ["role"] = "assistant", ["content"] = "Find the file.", ["thought"] = "Find the file.", ["action"] = "find_file calc.py", ["agent"] = "main", ["message_type"] = "action" }),
            ["info"] = new JsonObject { ["submission"] = Patch, ["exit_status"] = "submitted", ["model_stats"] = new JsonObject { ["api_calls"] = 4 } },
            ["replay_config"] = new JsonObject { ["agent"] = new JsonObject { ["model"] = new JsonObject { ["name"] = "claude-3-5-sonnet" } } }.ToJsonString(),
        };
    }

    [Fact]
    public async Task RunFolder_MapsBashEditorAndSubmit_KeepsOwnCommandsUnmapped_SkipsTheTruncatedFile_LabelsFromHarnessReport()
    {
        string folder = temp.Combine("trajectories", "me", "run1");
        WriteJson(Path.Combine(folder, "acme__calc-1", "acme__calc-1.traj"), Traj());
        string truncated = Path.Combine(folder, "acme__calc-2", "acme__calc-2.traj");
        WriteLines(truncated, Traj().ToJsonString()[..200]);
        WriteJson(Path.Combine(folder, "logs", "run_evaluation", "run1", "claude-3-5-sonnet", "acme__calc-1", "report.json"),
            new JsonObject { ["acme__calc-1"] = new JsonObject { ["patch_is_None"] = false, ["patch_exists"] = true, ["resolved"] = false } });
        var run = RunFolder.Create(temp.Combine("run"));

        var summary = await TrajectoryImport.RunAsync(run, "swe-agent", folder, null, CancellationToken.None);

        var skip = Assert.Single(summary.Skipped);
        Assert.Equal((truncated, "acme__calc-2"), (skip.Origin, skip.InstanceId));
        Assert.StartsWith("not valid JSON", skip.Reason, StringComparison.Ordinal);
        var record = Assert.Single(Imported(run));
        Assert.Equal(("acme/calc", "claude-3-5-sonnet", Patch, false, "swe-bench report.json", 1, 4),
            (record.Repo, record.ModelNameOrPath, record.ModelPatch, record.Resolved, record.LabelSource, record.UnmappedCalls, record.Turns));
        var trajectory = Load(run, record);
        AssertShape(trajectory);
        Assert.Equal(("SETTING: You are an autonomous programmer.", Instruction), (trajectory.Messages[0].Content, trajectory.Messages[1].Content));
        Assert.Equal(["find_file", "execute_bash", "str_replace_editor", "finish"], CallNames(trajectory));
        Assert.Equal("calc.py", Argument(trajectory.Steps[0], "args"));
        Assert.Equal(("python -m pytest -q test_calc.py", FailingTests), (Argument(trajectory.Steps[1], "command"), trajectory.Steps[1].Observation));
        var edit = trajectory.Steps[2].Call!.Arguments;
        Assert.Equal(("str_replace", "/testbed/calc.py", "    return a - b", "    return a + b  # it's fixed"),
            (edit["command"]!.ToString(), edit["path"]!.ToString(), edit["old_str"]!.ToString(), edit["new_str"]!.ToString()));
        Assert.Equal(RolloutStatus.Finished, trajectory.Status);
    }

    private static JsonObject MiniTraj() => new()
    {
        ["trajectory_format"] = "mini-swe-agent-1",
        ["info"] = new JsonObject
        {
            ["exit_status"] = "Submitted", ["submission"] = Patch, ["model_stats"] = new JsonObject { ["instance_cost"] = 0.01, ["api_calls"] = 5 },
            ["config"] = new JsonObject { ["model"] = new JsonObject { ["model_name"] = "anthropic/claude-sonnet-4" } },
        },
        ["messages"] = new JsonArray(
            new JsonObject { ["role"] = "system", ["content"] = "You are a helpful assistant that can interact with a computer." },
            new JsonObject { ["role"] = "user", ["content"] = "<pr_description>\n" + Instruction + "\n</pr_description>" },
            new JsonObject { ["role"] = "assistant", ["content"] = "THOUGHT: Look at the code.\n\n```bash\ncat calc.py\n```" },
            new JsonObject { ["role"] = "user", ["content"] = "<returncode>0</returncode>\n<output>\ndef add(a, b):\n    return a - b\n</output>" },
            new JsonObject { ["role"] = "assistant", ["content"] = "THOUGHT: Two things.\n\n```bash\nls\n```\n\n```bash\npwd\n```" },
            new JsonObject { ["role"] = "user", ["content"] = "Please always provide EXACTLY ONE action in triple backticks, found 2 actions." },
            new JsonObject { ["role"] = "assistant", ["content"] = "THOUGHT: Run the tests.\n\n```bash\npython -m pytest -q test_calc.py\n```" },
            new JsonObject { ["role"] = "user", ["content"] = $"<returncode>1</returncode>\n<output>\n{FailingTests}\n</output>" },
            new JsonObject { ["role"] = "assistant", ["content"] = "THOUGHT: Fix it.\n\n```bash\nsed -i 's/a - b/a + b/' calc.py\n```" },
            new JsonObject { ["role"] = "user", ["content"] = "<returncode>0</returncode>\n<output>\n</output>" },
            new JsonObject { ["role"] = "assistant", ["content"] = "THOUGHT: Submit.\n\n```bash\necho COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT && git add -A && git diff --cached\n```" },
            new JsonObject { ["role"] = "user", ["content"] = Patch }),
    };

    [Fact]
    public async Task MiniSweAgent_BashBlocksAndReturnCodes_FormatErrorIsMalformed_SubmissionIsFinish_LabelFromRunReport()
    {
        string folder = temp.Combine("mini");
        WriteJson(Path.Combine(folder, "acme__calc-1", "acme__calc-1.traj.json"), MiniTraj());
        WriteJson(Path.Combine(folder, "anthropic__claude-sonnet-4.run1.json"),
            new JsonObject { ["schema_version"] = 2, ["resolved_ids"] = new JsonArray("acme__calc-1"), ["unresolved_ids"] = new JsonArray() });
        var run = RunFolder.Create(temp.Combine("run"));

        var summary = await TrajectoryImport.RunAsync(run, "mini-swe-agent", folder, null, CancellationToken.None);

        Assert.Empty(summary.Skipped);
        var record = Assert.Single(Imported(run));
        Assert.Equal(("anthropic/claude-sonnet-4", true, "swe-bench run report anthropic__claude-sonnet-4.run1.json", 5, 0),
            (record.ModelNameOrPath, record.Resolved, record.LabelSource, record.Turns, record.UnmappedCalls));
        var trajectory = Load(run, record);
        AssertShape(trajectory);
        Assert.Equal(["execute_bash", null, "execute_bash", "execute_bash", "finish"], CallNames(trajectory));
        var steps = trajectory.Steps;
        Assert.Equal(("cat calc.py", "THOUGHT: Look at the code."), (Argument(steps[0], "command"), steps[0].Reasoning));
        Assert.Equal("def add(a, b):\n    return a - b\n[Command finished with exit code 0]", steps[0].Observation);
        Assert.Equal("expected exactly one ```bash block, found 2", steps[1].CallError);
        Assert.Equal("Please always provide EXACTLY ONE action in triple backticks, found 2 actions.", steps[1].Observation);
        Assert.Equal(FailingTests + "\n[Command finished with exit code 1]", steps[2].Observation);
        Assert.Equal("\n[Command finished with exit code 0]", steps[3].Observation);
        Assert.Null(steps[4].Observation);
        Assert.Equal(("assistant", Patch), (trajectory.Messages[^1].Role, trajectory.Patch));
        Assert.Equal(RolloutStatus.Finished, trajectory.Status);
    }

    public void Dispose() => temp.Dispose();
}
