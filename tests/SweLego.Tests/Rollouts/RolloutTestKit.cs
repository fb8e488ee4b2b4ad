using SweLego.Agent;
using SweLego.Agent.Trajectories;
using SweLego.Models;
using SweLego.Rollouts;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Rollouts;

/// <summary>Runs the rollout stage in-process against a <see cref="ModelStub"/> and reads what it wrote.</summary>
internal static class RolloutTestKit
{
    public static ModelClientOptions Model(ModelStub stub, TimeSpan? requestTimeout = null) => new()
    {
        Endpoint = stub.Endpoint, Model = "scripted", MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50), RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
    };

    public static async Task<RolloutSummary> RunAsync(
        string runDirectory, string instances, ModelStub stub, IReadOnlyList<string> ids, int k = 1, int jobs = 1, AgentOptions? agent = null,
        TimeSpan? requestTimeout = null)
    {
        var run = RunFolder.OpenOrCreate(runDirectory);
        var model = Model(stub, requestTimeout);
        var options = new RolloutOptions
        {
            InstancesPath = instances, Model = model, K = k, Jobs = jobs, InstanceIds = ids, Agent = agent ?? new AgentOptions { MaxTurns = 30 },
            NoOutputTimeout = TimeSpan.FromSeconds(10),
        };
        var summary = await RolloutStage.RunAsync(run, options, new ModelClient(model));
        // A rollout that could not run is a test failure with its reason, never an empty list to puzzle over.
        Assert.True(summary.Failed == 0, File.ReadAllText(run.StagePath(RolloutStage.Stage, RolloutStage.RolloutsFile)));
        return summary;
    }

    public static Trajectory Trajectory(string runDirectory, RolloutRecord record) =>
        TrajectoryStore.Read(Path.Combine(runDirectory, record.Trajectory!)) ?? throw new InvalidOperationException($"no trajectory for {record.Key}");

    /// <summary>System first, then user and assistant strictly alternating (the SFT format's rule).</summary>
    public static void AssertAlternates(Trajectory trajectory)
    {
        Assert.Equal("system", trajectory.Messages[0].Role);
        for (int i = 1; i < trajectory.Messages.Count; i++)
            Assert.Equal(i % 2 == 1 ? "user" : "assistant", trajectory.Messages[i].Role);
    }
}
