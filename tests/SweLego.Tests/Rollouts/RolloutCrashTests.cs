using System.Diagnostics;
using SweLego.Agent.Trajectories;
using SweLego.Rollouts;
using SweLego.Runs;
using SweLego.Tests.Evaluation;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Rollouts;

/// <summary>
/// <c>swelego rollout</c> killed with SIGKILL while rollouts are in flight, then run again: every rollout ends with exactly
/// one recorded line, one finished trajectory and one prediction; the ones cut off were started again from scratch.
/// </summary>
public sealed class RolloutCrashTests(SampleEvaluationFixture sample) : IClassFixture<SampleEvaluationFixture>
{
    [Fact]
    public async Task Rollout_SigkillMidRunThenAgain_NoTrajectoryLostOrDuplicated()
    {
        using var folder = new TempDirectory();
        string runDirectory = folder.Combine("run");
        var ids = sample.Instances.Select(i => i.InstanceId).Order(StringComparer.Ordinal).Take(2).ToList();
        // Eight short steps per rollout: long enough to be killed in the middle of some of them.
        using var stub = new ModelStub
        {
            ServedModels = [new("scripted")],
            Responder = ScriptedAgent.Responder((_, _) => [.. Enumerable.Range(0, 8).Select(i => ScriptedAgent.Bash($"sleep 0.2; echo step {i} > step.txt"))]),
        };
        string rollouts = Path.Combine(runDirectory, RolloutStage.Stage, RolloutStage.RolloutsFile);
        string[] args = ["rollout", sample.InstancesPath, "--model", "scripted", "--base-url", stub.Endpoint.ToString(), "-k", "3", "--jobs", "2",
            "--run", runDirectory, .. ids.SelectMany(id => new[] { "--instance", id })];

        using (var cli = Process.Start(CliRunner.ProcessStartInfo(args))!)
        {
            var output = cli.StandardOutput.ReadToEndAsync();
            var errors = cli.StandardError.ReadToEndAsync();
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            while (!(File.Exists(rollouts) && File.ReadAllText(rollouts).Contains('\n', StringComparison.Ordinal)))
            {
                Assert.False(cli.HasExited, $"rollout ended (exit {(cli.HasExited ? cli.ExitCode : 0)}) before it could be killed: {(cli.HasExited ? await output + await errors : "")}");
                await Task.Delay(20, limit.Token);
            }

            cli.Kill(entireProcessTree: false);
            await cli.WaitForExitAsync(limit.Token);
        }

        int before = File.ReadAllLines(rollouts).Length;
        Assert.InRange(before, 1, 5);
        var (exit, stdout, stderr) = await CliRunner.RunProcessAsync(args);

        Assert.True(exit == 0, stdout + stderr);
        var records = JsonlReader.Read<RolloutRecord>(rollouts, RunJson.Options).ToList();
        string[] expected = [.. ids.SelectMany(id => new[] { id + "#0", id + "#1", id + "#2" }).Order(StringComparer.Ordinal)];
        Assert.Equal(expected, records.Select(r => r.Key).Order(StringComparer.Ordinal));
        foreach (var record in records)
        {
            Assert.Equal(RolloutStatus.Finished, record.Status);
            var trajectory = RolloutTestKit.Trajectory(runDirectory, record);
            Assert.Equal(9, trajectory.Turns);
            Assert.Equal(RolloutStatus.Finished, trajectory.Status);
            Assert.Contains("+step 7", trajectory.Patch, StringComparison.Ordinal);
        }

        var predictions = File.ReadAllLines(Path.Combine(runDirectory, RolloutStage.Stage, RolloutStage.PredictionsFile));
        Assert.Equal(6, predictions.Length);
        Assert.Equal(6, Directory.GetFiles(Path.Combine(runDirectory, RolloutStage.Stage, TrajectoryStore.Folder), "*.json", SearchOption.AllDirectories).Length);
    }
}
