using SweLego.Cli;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary><c>swelego run repair</c>: a corrupt manifest's error says how to recover, and that command rebuilds it.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class RunCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-cli-run-");

    [Fact]
    public async Task RunRepair_AfterCorruptManifestError_RebuildsItAndTheRunOpensAgain()
    {
        var run = RunFolder.Create(_temp.Combine("run"));
        run.StartStage("tasks-real");
        using (var writer = run.OpenJsonlWriter<SweLego.Tests.Runs.Item>("tasks-real", "instances.jsonl")) writer.Append(new("a", 1));
        File.WriteAllText(run.ManifestPath, "\0\0\0garbage");

        var (failExit, _, failError) = await CliRunner.RunAsync("tasks", "validate", "--run", run.DirectoryPath);

        Assert.Equal(CliApp.Failure, failExit);
        string line = failError.Split('\n')[0];
        Assert.StartsWith($"error: {run.ManifestPath}: not a valid run manifest: ", line, StringComparison.Ordinal);
        Assert.EndsWith($"swelego run repair --run {run.DirectoryPath}", line, StringComparison.Ordinal);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("run", "repair", "--run", run.DirectoryPath);

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        Assert.Contains("  tasks-real: interrupted, instances 1", stdout, StringComparison.Ordinal);
        Assert.Contains($"Rebuilt {run.ManifestPath} from 1 stage folder(s); the unreadable file is kept as {run.ManifestPath}.corrupt-", stdout, StringComparison.Ordinal);
        Assert.Equal(StageStatus.Interrupted, RunFolder.Open(run.DirectoryPath).ReadManifest().Stage("tasks-real").Status);

        var (againExit, againOut, _) = await CliRunner.RunAsync("run", "repair", "--run", run.DirectoryPath);
        Assert.Equal(0, againExit);
        Assert.Equal($"{run.ManifestPath} is readable; nothing to repair.\n", againOut);
    }

    public void Dispose() => _temp.Dispose();
}
