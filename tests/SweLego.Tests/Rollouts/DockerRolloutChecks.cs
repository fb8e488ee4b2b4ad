using SweLego.Agent.Trajectories;
using SweLego.Evaluation;
using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Rollouts;

/// <summary>
/// A rollout in a docker environment (called on a run the docker miner test made, so the images are built once): the
/// image's repository history is replaced by the sanitized workspace's, so the fix commit cannot be found from inside,
/// and the gold patch made through the editor resolves under eval.
/// </summary>
internal static class DockerRolloutChecks
{
    public static async Task AssertGoldReplayResolvesWithoutTheFutureAsync(string runDirectory, TaskInstance instance, string instancesPath)
    {
        string lookup = ScriptedAgent.Bash("git log --all --format=%H && git rev-parse HEAD");
        using var stub = new ModelStub { Responder = ScriptedAgent.Responder((workdir, _) => [lookup, .. ScriptedAgent.GoldReplay(instance.Patch, workdir)]) };

        var summary = await RolloutTestKit.RunAsync(runDirectory, instancesPath, stub, [instance.InstanceId]);

        var record = Assert.Single(summary.Records);
        Assert.Equal(RolloutStatus.Finished, record.Status);
        var trajectory = RolloutTestKit.Trajectory(runDirectory, record);
        string history = trajectory.Steps[0].Observation!;
        Assert.Contains(instance.BaseCommit, history, StringComparison.Ordinal);
        Assert.DoesNotContain(instance.FixCommit!, history, StringComparison.Ordinal);
        Assert.Equal("/testbed", trajectory.Messages[1].Content.Split('\n')[1]);

        var graded = await EvaluationStage.RunAsync(RunFolder.Open(runDirectory), new EvaluationOptions { InstancesPath = instancesPath, PredictionsPath = summary.PredictionsPath });
        var result = Assert.Single(graded.Results);
        Assert.True(result.Verdict == EvaluationVerdict.Resolved, $"{result.Verdict} {result.Error}\n{record.ModelPatch}");
    }
}
