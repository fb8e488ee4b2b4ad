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
        await using (var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _repo.Path, Mounts = [new SandboxMount(built.Directory, ReadOnly: true)] }))
        {
            var check = await session.ExecAsync($"{built.Activate} && cd /tmp && python -c 'import samplelib, pytest; print(samplelib.VALUE)'");
            Assert.Equal("42\n", check.Output);
        }

        var again = await LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, _environments.Path, offline: true);
        Assert.True(again.Reused);
        Assert.Equal(built.Directory, again.Directory);
        Assert.Equal(built.UnmetRequirements, again.UnmetRequirements);
    }

    [Fact]
    public async Task BuildAsync_BrokenSetupPy_FailsNamingTheStep()
    {
        File.WriteAllText(_repo.Combine("setup.py"), "from setuptools import setup\nsetup(name='broken', packages=['missing_package'])\n");
        var spec = EnvironmentInference.Infer(_repo.Path);

        var built = await LocalEnvironmentBuilder.BuildAsync(spec, _repo.Path, _environments.Path, offline: true);

        Assert.False(built.Success);
        Assert.Contains("pip install --no-index --no-build-isolation --no-deps -e .", built.Problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _repo.Dispose();
        _environments.Dispose();
    }
}
