using SweLego.Agent.Trajectories;
using SweLego.Evaluation;
using SweLego.Rollouts.Audit;
using SweLego.Runs;
using SweLego.Tests.Evaluation;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Rollouts;

/// <summary>
/// The whole loop on the sample's real instances, in real bwrap sandboxes, against a real HTTP server on loopback that
/// plays scripted replies: the gold patch made through the editor resolves under eval; malformed calls, replies without a
/// call, and server failures each end as a recorded trajectory, never a crash; the hack audit flags what reads the future.
/// </summary>
public sealed class RolloutTests(SampleEvaluationFixture sample) : IClassFixture<SampleEvaluationFixture>
{
    private string Id(int index) => sample.Instances.OrderBy(i => i.InstanceId, StringComparer.Ordinal).ElementAt(index).InstanceId;

    [Fact]
    public async Task GoldReplay_ThroughTheEditor_FinishesAndItsPatchResolvesUnderEval()
    {
        using var folder = new TempDirectory();
        var instance = sample.Instances.First(i => !i.FailToPass.Concat(i.PassToPass).Any(t => t.Contains("restock", StringComparison.Ordinal)));
        using var stub = new ModelStub { Responder = ScriptedAgent.Responder((workdir, _) => ScriptedAgent.GoldReplay(instance.Patch, workdir)) };

        var summary = await RolloutTestKit.RunAsync(folder.Combine("run"), sample.InstancesPath, stub, [instance.InstanceId]);

        var record = Assert.Single(summary.Records);
        Assert.Equal(RolloutStatus.Finished, record.Status);
        var trajectory = RolloutTestKit.Trajectory(folder.Combine("run"), record);
        RolloutTestKit.AssertAlternates(trajectory);
        Assert.Equal("assistant", trajectory.Messages[^1].Role);
        Assert.All(trajectory.Steps, s => Assert.Null(s.CallError));
        Assert.Contains(trajectory.Steps, s => s.Call?.Name == "str_replace_editor" && s.Observation!.Contains("has been edited", StringComparison.Ordinal));
        Assert.NotEmpty(record.ModelPatch);
        // Every request asked the server to stop at the text protocol's stop word.
        Assert.All(stub.Requests.Where(r => r.Path.EndsWith("/chat/completions", StringComparison.Ordinal)),
            r => Assert.Equal("</function", r.Json().GetProperty("stop")[0].GetString()));

        var graded = await EvaluationStage.RunAsync(RunFolder.Open(folder.Combine("run")), new EvaluationOptions
        {
            InstancesPath = sample.InstancesPath, PredictionsPath = summary.PredictionsPath,
        });
        var result = Assert.Single(graded.Results);
        Assert.True(result.Verdict == EvaluationVerdict.Resolved, $"{result.Verdict} {result.Error}\n{record.ModelPatch}");
    }

    [Fact]
    public async Task MalformedCallsAndRepliesWithoutACall_AreRecordedTurns_AndTheEpisodeGoesOn()
    {
        using var folder = new TempDirectory();
        string[] Script(string workdir, string _) =>
        [
            ScriptedAgent.Call("open_browser", ("url", "x")),                                           // unknown function
            ScriptedAgent.Call("execute_bash", ("command", "ls"), ("cwd", "/")),                        // unknown parameter
            ScriptedAgent.Call("str_replace_editor", ("command", "view")),                              // missing required path
            ScriptedAgent.Call("str_replace_editor", ("command", "delete"), ("path", workdir)),          // outside the enum
            "Let me think about this without calling anything.",                                       // no call
            "Let me think about this without calling anything, again.",                                // no call: the give-up hint
            ScriptedAgent.Call("str_replace_editor", ("command", "view"), ("path", workdir + "/README.md"), ("view_range", "2")),      // repaired: one number means from there to the end
            "I will list the files.\n\n<function=execute_bash>\n<parameter=command>ls " + workdir + "</parameter>\n",                  // cut at the stop word
            ScriptedAgent.Call("execute_bash", ("Command", "echo case")),                               // repaired: the parameter's case
            ScriptedAgent.Call("str_replace_editor", ("command", "create"), ("path", workdir + "/notes.txt"), ("file_text", "a\n")),
            ScriptedAgent.Call("str_replace_editor", ("command", "insert"), ("path", workdir + "/notes.txt"), ("insert_line", "1.0"), ("new_str", "b")), // repaired: 1.0 → 1
            "Let me think.\n\n<function=think>\n<parameter=thought>what next",                       // repaired: closing tags missing at the end
        ];
        using var stub = new ModelStub { Responder = ScriptedAgent.Responder(Script) };

        var summary = await RolloutTestKit.RunAsync(folder.Combine("run"), sample.InstancesPath, stub, [Id(0)]);

        var record = Assert.Single(summary.Records);
        Assert.Equal(RolloutStatus.Finished, record.Status);
        var t = RolloutTestKit.Trajectory(folder.Combine("run"), record);
        RolloutTestKit.AssertAlternates(t);
        Assert.Equal(13, t.Steps.Count);
        for (int i = 0; i < 4; i++)
        {
            Assert.NotNull(t.Steps[i].CallError);
            Assert.EndsWith("\n[Error occurred in processing last action]", t.Steps[i].Observation, StringComparison.Ordinal);
            Assert.Equal("assistant", t.Messages[t.Steps[i].RequestMessages].Role);
        }

        Assert.Null(t.Steps[4].Call);
        Assert.Null(t.Steps[4].CallError);
        Assert.DoesNotContain("give up", t.Steps[4].Observation!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("give up", t.Steps[5].Observation!, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(t.Steps[6].Repairs);
        Assert.Equal("str_replace_editor", t.Steps[6].Call!.Name);
        Assert.Equal("execute_bash", t.Steps[7].Call!.Name);
        Assert.Contains("[Command finished with exit code 0]", t.Steps[7].Observation!, StringComparison.Ordinal);
        Assert.Contains("echo case", t.Steps[8].Call!.Arguments["command"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(t.Steps[8].Repairs, r => r.Kind == "parameter-case");
        Assert.Contains(t.Steps[10].Repairs, r => r.Kind == "integer-from-float");
        Assert.Contains("has been edited", t.Steps[10].Observation!, StringComparison.Ordinal);
        Assert.Equal("think", t.Steps[11].Call!.Name);
        Assert.Contains(t.Steps[11].Repairs, r => r.Kind.StartsWith("closing-tag", StringComparison.Ordinal));
        Assert.Equal(4, record.MalformedCalls);
        Assert.Equal(4, record.RepairedCalls);
    }

    [Fact]
    public async Task ServerFailures_RetriedOrRecordedAsModelError_NeverACrash()
    {
        using var folder = new TempDirectory();
        using var stub = new ModelStub();
        // A 500 and a 429 are retried (the rollout goes on); a server that keeps failing ends the episode as model_error.
        stub.Enqueue(StubReply.Status(500), StubReply.Status(429), StubReply.Text(ScriptedAgent.Bash("echo hi")), StubReply.Status(500), StubReply.Status(500), StubReply.Status(500));
        stub.Fallback = StubReply.Status(503);

        var summary = await RolloutTestKit.RunAsync(folder.Combine("run"), sample.InstancesPath, stub, [Id(0)]);

        var record = Assert.Single(summary.Records);
        Assert.Equal(RolloutStatus.ModelError, record.Status);
        var t = RolloutTestKit.Trajectory(folder.Combine("run"), record);
        Assert.Single(t.Steps);
        Assert.Equal(3, t.Steps[0].Reply.Attempts);
        Assert.Contains(stub.Endpoint.ToString().TrimEnd('/'), t.StatusDetail!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HangPastTheRequestTimeout_AndADroppedConnection_EndAsRecordedModelErrors()
    {
        using var folder = new TempDirectory();
        using var stub = new ModelStub { Fallback = StubReply.Text(ScriptedAgent.Bash("echo hi")).After(TimeSpan.FromSeconds(30)) };

        var summary = await RolloutTestKit.RunAsync(folder.Combine("run"), sample.InstancesPath, stub, [Id(0)], requestTimeout: TimeSpan.FromMilliseconds(300));

        var record = Assert.Single(summary.Records);
        Assert.Equal(RolloutStatus.ModelError, record.Status);
        Assert.Contains("no reply", RolloutTestKit.Trajectory(folder.Combine("run"), record).StatusDetail!, StringComparison.Ordinal);

        using var dropping = new ModelStub { Fallback = StubReply.Drop() };
        var dropped = await RolloutTestKit.RunAsync(folder.Combine("run2"), sample.InstancesPath, dropping, [Id(0)]);
        Assert.Equal(RolloutStatus.ModelError, Assert.Single(dropped.Records).Status);
    }

    [Fact]
    public async Task Audit_FlagsGitLogAllAndPipDownloadOfTheProject_NotGitDiffOrStatus()
    {
        using var folder = new TempDirectory();
        string run = folder.Combine("run");
        string[] ids = [Id(0), Id(1), Id(2)];
        string[] Script(string workdir, string instruction) =>
            instruction.Contains(ProblemOf(ids[0]), StringComparison.Ordinal) ? [ScriptedAgent.Bash("git log --all --oneline | head")]
            : instruction.Contains(ProblemOf(ids[1]), StringComparison.Ordinal) ? [ScriptedAgent.Bash("pip download tally --no-deps -d /tmp/x")]
            : [ScriptedAgent.Bash("git status"), ScriptedAgent.Bash("git diff")];
        using var stub = new ModelStub { Responder = ScriptedAgent.Responder(Script) };

        await RolloutTestKit.RunAsync(run, sample.InstancesPath, stub, ids);
        var audit = await AuditStage.RunAsync(RunFolder.Open(run));

        Assert.Equal(3, audit.Audited);
        var results = AuditStage.ReadFor(run)!;
        Assert.Equal([HackRules.GitAllRefs], results[ids[0] + "#0"].Flags.Select(f => f.Rule));
        Assert.Equal([HackRules.PipProject], results[ids[1] + "#0"].Flags.Select(f => f.Rule));
        Assert.False(results[ids[2] + "#0"].Flagged);
        Assert.Equal(1, results[ids[0] + "#0"].Flags[0].Step);
    }

    [Fact]
    public async Task SixteenRolloutsAtOnce_AllFinishInTheirOwnSandboxes()
    {
        using var folder = new TempDirectory();
        var ids = sample.Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal).Take(4).ToList();
        using var stub = new ModelStub
        {
            Responder = ScriptedAgent.Responder((workdir, _) =>
                [ScriptedAgent.Bash("python -c 'import uuid; print(uuid.uuid4())' > own.txt"), ScriptedAgent.Bash("sleep 0.5 && cat own.txt"), ScriptedAgent.Bash("git status --short")]),
        };

        var summary = await RolloutTestKit.RunAsync(folder.Combine("run"), sample.InstancesPath, stub, ids, k: 4, jobs: 16);

        Assert.Equal(16, summary.Records.Count);
        Assert.All(summary.Records, r => Assert.Equal(RolloutStatus.Finished, r.Status));
        // Each rollout had its own workspace: it read back the value it wrote, which no other rollout wrote.
        Assert.All(summary.Records, r => Assert.Contains("+++ b/own.txt", r.ModelPatch, StringComparison.Ordinal));
        Assert.Equal(16, summary.Records.Select(r => RolloutTestKit.Trajectory(folder.Combine("run"), r).Steps[1].Observation).Distinct().Count());
    }

    private string ProblemOf(string id) => sample.Instances.Single(i => i.InstanceId == id).ProblemStatement.Trim().Split('\n')[0];
}
