using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Real;
using SweLego.Tasks.Synthetic;
using SweLego.Tests.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks;

/// <summary>
/// A run folder is self-contained and relocatable: its records name the mirror and the environments
/// relative to it, real and synthetic stages share one mirror and one environment, and a copy of
/// the folder elsewhere (the original deleted) still validates and makes workspaces.
/// </summary>
public sealed class RunRelocationTests(SampleTasksFixture sample) : IClassFixture<SampleTasksFixture>
{
    [Fact]
    public async Task RealThenSynth_SameRepository_OneMirrorAndEachEnvironmentBuiltOnce()
    {
        using var folder = new TempDirectory();
        var run = RunFolder.Create(folder.Combine("run"));

        await RealTaskMiner.RunAsync(run, new RealTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 1 });
        var synth = await SyntheticTaskMiner.RunAsync(run, new SyntheticTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 2, Seed = 1, AuditRate = 0 });

        var real = Assert.Single(SampleTaskExpectations.Read(run).Instances);
        var synthetic = JsonlReader.Read<TaskInstance>(synth.InstancesPath, RunJson.Options).ToList();
        Assert.Equal(2, synthetic.Count);
        Assert.Equal(["repositories/local__tally.git"], Directory.GetDirectories(run.DirectoryPath, "*.git", SearchOption.AllDirectories).Select(run.RelativePath));
        Assert.All(synthetic.Append(real), i => Assert.Equal("repositories/local__tally.git", i.Environment.RepositoryMirror));
        Assert.All(synthetic.Append(real), i => Assert.StartsWith("environments/venvs/", i.Environment.EnvironmentFolder, StringComparison.Ordinal));
        Assert.Equal(real.Environment.Id, synthetic[0].Environment.Id);

        var builds = JsonlReader.Read<EnvironmentBuildRecord>(Path.Combine(RunResources.EnvironmentsFolder(run), EnvironmentPool.BuildsFile), RunJson.Options).ToList();
        Assert.All(builds.GroupBy(b => b.Id), g => Assert.Single(g, b => !b.Reused));
        Assert.Contains(builds, b => b.Id == real.Environment.Id && b.Reused);
        Assert.False(Directory.Exists(run.StagePath(RealTaskMiner.Stage, "environments")));
        Assert.False(Directory.Exists(run.StagePath(SyntheticTaskMiner.Stage, "repository.git")));
    }

    [Fact]
    public async Task MovedRunFolder_OriginalDeleted_ValidateAndWorkspaceStillWork()
    {
        using var folder = new TempDirectory();
        string original = folder.Combine("run");
        await RealTaskMiner.RunAsync(RunFolder.Create(original), new RealTaskOptions { Repository = sample.History.Path, Offline = true, Runs = 1, Max = 1 });
        var instance = Assert.Single(SampleTaskExpectations.Read(RunFolder.Open(original)).Instances);
        Assert.False(Path.IsPathRooted(instance.Environment.RepositoryMirror));
        Assert.False(Path.IsPathRooted(instance.Environment.EnvironmentFolder));
        Assert.DoesNotContain(original, File.ReadAllText(Path.Combine(original, RealTaskMiner.Stage, RealTaskMiner.InstancesFile)), StringComparison.Ordinal);

        string moved = folder.Combine("elsewhere", "copy");
        Directory.CreateDirectory(Path.GetDirectoryName(moved)!);
        var copy = await ChildProcess.RunAsync(new System.Diagnostics.ProcessStartInfo("cp") { ArgumentList = { "-a", original, moved }, RedirectStandardOutput = true, RedirectStandardError = true });
        Assert.True(copy.ExitCode == 0, copy.Output);
        Directory.Delete(original, recursive: true);

        var (validated, stdout, stderr) = await CliRunner.RunAsync("tasks", "validate", "--run", moved);
        Assert.True(validated == 0, stdout + stderr);
        Assert.Contains("1 of 1 instance(s) hold", stdout, StringComparison.Ordinal);
        var (made, workspaceOut, workspaceErr) = await CliRunner.RunAsync("tasks", "workspace", "--run", moved, instance.InstanceId, folder.Combine("workspace"));
        Assert.True(made == 0, workspaceOut + workspaceErr);
        Assert.True(File.Exists(folder.Combine("workspace", "tally", "__init__.py")));
    }
}
