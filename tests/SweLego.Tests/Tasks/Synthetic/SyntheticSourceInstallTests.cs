using SweLego.Environments;
using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Synthetic;
using SweLego.Tests.Environments;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic;

/// <summary>
/// <c>tasks synth</c> on repositories whose build backend is not installed: instances made through the
/// source install say so and re-validate; an environment that cannot be built (or a configuration that
/// cannot be read) stops the stage with pip's output and the user's file named, never a slot's path.
/// </summary>
public sealed class SyntheticSourceInstallTests : IDisposable
{
    private readonly TempDirectory _folder = new("swelego-synth-source-");

    [Fact]
    public async Task Synth_FlitScmRepository_InstancesRecordTheSourceInstallAndRevalidate()
    {
        string repository = await ProjectLayout.FlitScm.CreateAsync(_folder.Path);
        var run = RunFolder.Create(_folder.Combine("run"));

        var summary = await SyntheticTaskMiner.RunAsync(run, new SyntheticTaskOptions { Repository = repository, Offline = true, Runs = 1, Max = 2 });

        var instances = JsonlReader.Read<TaskInstance>(summary.InstancesPath, RunJson.Options).ToList();
        Assert.NotEmpty(instances);
        foreach (var instance in instances)
        {
            Assert.Equal("source", instance.Environment.Install.Method);
            Assert.Equal("ModuleNotFoundError: No module named 'flit_scm'", instance.Environment.Install.Reason);
            Assert.Equal(["src"], instance.Environment.Spec.SourceInstall!.PathEntries);
            using var scratch = new TempDirectory();
            var check = await TaskRevalidator.RunAsync(instance, run.DirectoryPath, scratch.Path);
            Assert.True(check.Holds(instance), check.ToString());
        }
    }

    [Fact]
    public async Task Synth_EnvironmentCannotBeBuilt_NamesTheCausePipsOutputAndTheWholeLog()
    {
        string repository = await ProjectLayout.CExtension.CreateAsync(_folder.Path);
        var run = RunFolder.Create(_folder.Combine("run"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SyntheticTaskMiner.RunAsync(run, new SyntheticTaskOptions { Repository = repository, Offline = true, Runs = 1 }));

        Assert.StartsWith($"The environment of {repository} at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("needs a compiler (setup.py:6: ext_modules)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Output of the failed step", error.Message, StringComparison.Ordinal);
        Assert.Contains("error: command", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("slot-1", error.Message, StringComparison.Ordinal);
        string log = error.Message.Split("Whole build log: ")[1].Trim();
        Assert.Contains("swelego_source_install.py", File.ReadAllText(log), StringComparison.Ordinal);
        Assert.StartsWith(run.DirectoryPath, log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Synth_BrokenPyproject_NamesTheRepositorysFileAndLine()
    {
        var layout = ProjectLayout.Flit with
        {
            Files = new Dictionary<string, string>(ProjectLayout.Flit.Files) { ["pyproject.toml"] = "[project]\nname = \"flitpkg\"\nversion = = 1\n" },
        };
        string repository = await layout.CreateAsync(_folder.Path);
        var run = RunFolder.Create(_folder.Combine("run"));

        var error = await Assert.ThrowsAsync<EnvironmentInferenceException>(() =>
            SyntheticTaskMiner.RunAsync(run, new SyntheticTaskOptions { Repository = repository, Offline = true, Runs = 1 }));

        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(repository)} at [0-9a-f]{{12}}: pyproject.toml:3:\d+: ", error.Message);
        Assert.DoesNotContain("slot-1", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
