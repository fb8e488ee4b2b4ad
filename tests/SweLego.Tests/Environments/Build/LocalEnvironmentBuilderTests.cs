using SweLego.Environments.Build;
using SweLego.Environments.Inference;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Environments.Build;

/// <summary>A real offline build: venv with system packages, editable install, unmet requirements reported.</summary>
public sealed class LocalEnvironmentBuilderTests : IDisposable
{
    private readonly TempDirectory _repo = new("swelego-repo-");
    private readonly TempDirectory _environments = new("swelego-envs-");

    [Fact]
    public async Task BuildAsync_Offline_InstallsProjectReportsUnmetAndIsReused()
    {
        SampleProject.Write(_repo, 42, "install_requires=['pytest'], extras_require={'test': ['nonexistent-swelego-pkg>=1']}");
        var spec = EnvironmentInference.Infer(_repo.Path);

        var built = await LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, _environments.Path, offline: true);

        Assert.True(built.Success, built.Problem);
        Assert.False(built.Reused);
        Assert.Equal(["nonexistent-swelego-pkg>=1"], built.UnmetRequirements);
        await using (var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path, Mounts = [new SandboxMount(built.HostDirectory!, built.Directory, ReadOnly: true)] }))
        {
            var check = await session.ExecAsync($"{built.Activate} && cd /tmp && python -c 'import samplelib, pytest; print(samplelib.VALUE)'");
            Assert.Equal("42\n", check.Output);
        }

        var again = await LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, _environments.Path, offline: true);
        Assert.True(again.Reused);
        Assert.Equal(built.Directory, again.Directory);
        Assert.Equal(LocalEnvironmentBuilder.VenvPath, built.Directory);
        Assert.Equal(built.HostDirectory, again.HostDirectory);
        // Nothing in the venv names its host folder: the folder can move (with its run folder).
        Assert.DoesNotContain(Directory.EnumerateFiles(built.HostDirectory!, "*", SearchOption.AllDirectories),
            f => !f.EndsWith(".pyc", StringComparison.Ordinal) && File.ReadAllText(f).Contains(built.HostDirectory!, StringComparison.Ordinal));
        Assert.Equal(built.UnmetRequirements, again.UnmetRequirements);
    }

    [Fact]
    public async Task BuildAsync_SameSpecTwiceAtOnce_OneBuildsTheOtherWaitsAndReuses()
    {
        SampleProject.Write(_repo, 5, "");
        var spec = EnvironmentInference.Infer(_repo.Path);

        var both = await Task.WhenAll(
            LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, _environments.Path, offline: true),
            LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, _environments.Path, offline: true));

        Assert.All(both, b => Assert.True(b.Success, b.Problem));
        Assert.Single(both, b => b.Reused);
    }

    [Fact]
    public async Task BuildAsync_BrokenSetupPy_FailsNamingTheStep()
    {
        File.WriteAllText(_repo.Combine("setup.py"), "from setuptools import setup\nsetup(name='broken', packages=['missing_package'])\n");
        var spec = EnvironmentInference.Infer(_repo.Path);

        var built = await LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, _environments.Path, offline: true);

        // pip's own error, and no source install: the backend is there, the project is broken.
        Assert.False(built.Success);
        Assert.Equal("pip could not install the project: error: package directory 'missing_package' does not exist (not a missing build backend, so no source install)", built.Problem);
        Assert.Contains("pip install --no-index --no-build-isolation --no-deps -e .", built.Steps[^1].Command, StringComparison.Ordinal);
        Assert.Contains("package directory 'missing_package' does not exist", built.FailureReport(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildAsync_DiskFull_NamesTheCauseTheFolderAndTheFreeSpace()
    {
        SampleProject.Write(_repo, 1, "");
        var spec = EnvironmentInference.Infer(_repo.Path);
        string small = _environments.Combine("small");
        Directory.CreateDirectory(small);
        var mount = await Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small);
        Assert.True(mount.ExitCode == 0, mount.Output);
        try
        {
            var built = await LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, small, offline: true);

            Assert.False(built.Success);
            Assert.StartsWith("no space left on device while running '/usr/bin/python3 -m venv", built.Problem, StringComparison.Ordinal);
            Assert.Matches($@"free some space in {System.Text.RegularExpressions.Regex.Escape(small)}/\w+-offline \([\d.]+ [KMG]?i?B free\)", built.Problem);
        }
        finally
        {
            await Run("umount", "-l", small);
        }
    }

    private static Task<(string Output, int ExitCode)> Run(string program, params string[] arguments)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        return ChildProcess.RunAsync(info);
    }

    public void Dispose()
    {
        _repo.Dispose();
        _environments.Dispose();
    }
}
