using SweLego.Environments.Backends;
using SweLego.Environments.Inference;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks;
using SweLego.Tasks.Git;
using SweLego.Tests.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

/// <summary>
/// A small repository (an installable package, a CRLF file, a test module) and its environment built
/// offline on one backend, for <see cref="TaskSandboxTests"/>: the repository is its own mirror and
/// the folder its run folder.
/// </summary>
public abstract class TaskSandboxFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new("swelego-sandbox-");

    public string RunDirectory => _folder.Path;

    public string Repository => _folder.Combine("repo");

    public string Base { get; private set; } = "";

    public TaskEnvironment Environment { get; private set; } = null!;

    public abstract IEnvironmentBackend Backend { get; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Repository);
        var git = new GitCommand(Repository, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.com", ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.com",
        });
        await git.RunAsync(["init", "--quiet"], CancellationToken.None);
        Directory.CreateDirectory(Path.Combine(Repository, "samplelib"));
        Directory.CreateDirectory(Path.Combine(Repository, "tests"));
        File.WriteAllText(Path.Combine(Repository, "samplelib", "__init__.py"), "VALUE = 1\n");
        File.WriteAllText(Path.Combine(Repository, "setup.py"), "from setuptools import setup\nsetup(name='samplelib', packages=['samplelib'])\n");
        File.WriteAllText(Path.Combine(Repository, "lines.txt"), string.Concat(Enumerable.Range(1, 40).Select(i => $"line {i}\n")));
        File.WriteAllText(Path.Combine(Repository, "crlf.txt"), "one\r\ntwo\r\nthree\r\n");
        File.WriteAllText(Path.Combine(Repository, "tests", "test_value.py"), "from samplelib import VALUE\n\ndef test_value():\n    assert VALUE == 1\n");
        await git.RunAsync(["add", "-A"], CancellationToken.None);
        await git.RunAsync(["commit", "--quiet", "-m", "base"], CancellationToken.None);
        Base = (await git.RunAsync(["rev-parse", "HEAD"], CancellationToken.None)).Trim();

        var spec = EnvironmentInference.Infer(Repository);
        string source = _folder.Combine("build-source");
        await new GitCommand(RunDirectory).RunAsync(["clone", "--quiet", Repository, source], CancellationToken.None);
        var built = await Backend.BuildAsync(spec, source, Base, _folder.Combine("environments"), offline: true, CancellationToken.None);
        Assert.True(built.Success, built.Problem);
        var location = Backend.Locate(built);
        Environment = new TaskEnvironment(spec.ContentHash, Backend.Name, spec, location.Image, location.Venv, "repo", Backend.Workdir)
        {
            EnvironmentFolder = location.HostFolder is { } folder ? Path.GetRelativePath(RunDirectory, folder) : null,
        };
    }

    public async Task DisposeAsync()
    {
        if (Environment?.Image is { } image)
        {
            using var client = DockerEndpoint.CreateClient((string?)null);
            await client.RemoveImageIfPresentAsync(image);
        }
    }

    public void Dispose()
    {
        _folder.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class BwrapTaskSandboxFixture : TaskSandboxFixture
{
    public override IEnvironmentBackend Backend { get; } = new BwrapEnvironmentBackend();
}

public sealed class DockerTaskSandboxFixture : TaskSandboxFixture
{
    public override IEnvironmentBackend Backend { get; } = new DockerEnvironmentBackend(new DockerBackendOptions());
}
