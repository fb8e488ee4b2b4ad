using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes;

/// <summary>Host-side file access of a bwrap session follows links as the sandbox sees them, never onto the host's files.</summary>
[Collection(SandboxConformanceGroup.Name)]
public sealed class BwrapFileAccessTests : IDisposable
{
    private readonly TempDirectory _workspace = new("swelego-ws-");

    [Fact]
    public async Task ReadFileAsync_LinkToAbsolutePath_ReadsTheSandboxsFileNotTheHosts()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"swelego-host-secret-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(marker, "host secret");
        try
        {
            await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _workspace.Path });
            await session.ExecAsync($"ln -s /etc/os-release release && ln -s {marker} secret && ln -s /etc/shadow shadow");
            string release = System.Text.Encoding.UTF8.GetString(await session.ReadFileAsync($"{session.Workdir}/release"));
            Assert.Equal((await session.ExecAsync("cat /etc/os-release")).Output, release);
            // The host's temp folder is not the sandbox's: the link points into the private /tmp.
            await Assert.ThrowsAsync<SandboxException>(() => session.ReadFileAsync($"{session.Workdir}/secret"));
            await Assert.ThrowsAsync<SandboxFileException>(() => session.WriteFileAsync($"{session.Workdir}/shadow", "x"u8.ToArray()));
        }
        finally
        {
            File.Delete(marker);
        }
    }

    [Fact]
    public async Task StartAsync_WorkdirInsideRootFileSystemFolder_ClearError()
    {
        var error = await Assert.ThrowsAsync<SandboxException>(() =>
            new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _workspace.Path, Workdir = "/usr/swelego-work" }));
        Assert.Contains("read-only from the sandbox's root file system", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
