using System.Net.Sockets;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>
/// Against hostile code: a docker session has no capabilities, no way to new privileges, the
/// seccomp policy, size-limited /tmp and /dev/shm, and never gets a host path that reaches the host.
/// </summary>
[Collection(DockerTestGroup.Name)]
public sealed class DockerHardeningTests(DockerFixture fixture) : IDisposable
{
    private readonly TempDirectory _workspace = new("swelego-ws-");

    private SandboxSpec Spec => new() { HostWorkspace = _workspace.Path };

    [Fact]
    public async Task ExecAsync_ProcSelfStatus_NoCapabilitiesNoNewPrivilegesSeccompFilter()
    {
        await using var session = await new DockerBackend().StartAsync(Spec);

        var result = await session.ExecAsync("grep -E '^(CapPrm|CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/self/status");

        Assert.Equal(
            "CapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t0000000000000000\nNoNewPrivs:\t1\nSeccomp:\t2\n",
            result.Output);
    }

    [Fact]
    public async Task ExecAsync_SetuidAndSetgidOnWorkspaceFile_RefusedAndHostFileHasNeither()
    {
        await using var session = await new DockerBackend().StartAsync(Spec);

        var result = await session.ExecAsync(
            "echo 'id' > tool; chmod u+s tool 2>/dev/null; echo u=$?; chmod g+s tool 2>/dev/null; echo g=$?; chmod 4755 tool 2>/dev/null; echo octal=$?; chmod 755 tool; echo plain=$?");

        Assert.Equal("u=1\ng=1\noctal=1\nplain=0\n", result.Output);
        var mode = File.GetUnixFileMode(Path.Combine(_workspace.Path, "tool"));
        Assert.False(mode.HasFlag(UnixFileMode.SetUser), mode.ToString());
        Assert.False(mode.HasFlag(UnixFileMode.SetGroup), mode.ToString());
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), mode.ToString());
    }

    [Fact]
    public async Task ExecAsync_WritePastTmpLimit_NoSpaceLeftAndSessionAlive()
    {
        var limits = SandboxLimits.Default with { TmpBytes = 8L << 20 };
        await using var session = await new DockerBackend().StartAsync(Spec with { Limits = limits });

        var size = await session.ExecAsync("df -k --output=size /tmp | tail -1");
        var fill = await session.ExecAsync("head -c 16777216 /dev/zero > /tmp/big; echo status=$?");
        var after = await session.ExecAsync("rm /tmp/big && echo alive");

        Assert.Equal("8192", size.Output.Trim());
        Assert.Contains("No space left on device", fill.Output, StringComparison.Ordinal);
        Assert.EndsWith("status=1\n", fill.Output, StringComparison.Ordinal);
        Assert.Equal("alive\n", after.Output);
    }

    [Fact]
    public async Task ExecAsync_DevShmAndTmp_SizedByLimitsExecAllowedInTmp()
    {
        var limits = SandboxLimits.Default with { ShmBytes = 16L << 20, TmpBytes = 32L << 20 };
        await using var session = await new DockerBackend().StartAsync(Spec with { Limits = limits });

        var result = await session.ExecAsync(
            "df -k --output=size /dev/shm /tmp | tail -2 | tr -d ' '; printf '#!/bin/sh\\necho ran\\n' > /tmp/t.sh && chmod +x /tmp/t.sh && /tmp/t.sh");

        Assert.Equal("16384\n32768\nran\n", result.Output);
    }

    [Fact]
    public async Task ExecAsync_NamespaceAndMountCalls_Refused()
    {
        await using var session = await new DockerBackend().StartAsync(Spec);

        var result = await session.ExecAsync("unshare -U true 2>/dev/null; echo unshare=$?; mount -t tmpfs none /mnt 2>/dev/null; echo mount=$?");

        Assert.DoesNotContain("unshare=0", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("mount=0", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_Container_HardenedHostConfig()
    {
        await using var session = await new DockerBackend().StartAsync(Spec);

        var host = (await fixture.Client.Containers.InspectContainerAsync(((DockerSession)session).ContainerId)).HostConfig!;

        Assert.Equal(["ALL"], host.CapDrop);
        Assert.Contains("no-new-privileges", host.SecurityOpt);
        Assert.Contains(host.SecurityOpt, option => option.StartsWith("seccomp=", StringComparison.Ordinal));
        Assert.True(host.ReadonlyRootfs);
        Assert.Equal("none", host.NetworkMode);
        Assert.True(host.AutoRemove);
        Assert.Equal(SandboxLimits.Default.ShmBytes, host.ShmSize);
        Assert.Contains("nosuid", host.Tmpfs!["/tmp"], StringComparison.Ordinal);
        Assert.Contains($"size={SandboxLimits.Default.TmpBytes}", host.Tmpfs["/tmp"], StringComparison.Ordinal);
        Assert.DoesNotContain(host.Mounts ?? [], m => m.Source is "/var/run/docker.sock" or "/run/docker.sock");
    }

    [Theory]
    [InlineData("/var/run/docker.sock")]
    [InlineData("/var/run")]
    [InlineData("/run")]
    [InlineData("/")]
    [InlineData("/proc")]
    [InlineData("/sys/fs/cgroup")]
    [InlineData("/dev")]
    public async Task StartAsync_MountExposingTheHost_Refused(string hostPath)
    {
        var ex = await Assert.ThrowsAsync<SandboxException>(
            () => new DockerBackend().StartAsync(Spec with { Mounts = [new SandboxMount(hostPath, "/mnt/host", ReadOnly: true)] }));

        Assert.StartsWith($"Refusing to mount '{hostPath}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_WorkspaceHoldingUnixSocketOrLinkToRun_Refused()
    {
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(Path.Combine(_workspace.Path, "agent.sock")));
        using var links = new TempDirectory();
        string link = links.Combine("run");
        File.CreateSymbolicLink(link, "/var/run");

        var socket = await Assert.ThrowsAsync<SandboxException>(() => new DockerBackend().StartAsync(Spec));
        var linked = await Assert.ThrowsAsync<SandboxException>(
            () => new DockerBackend().StartAsync(new SandboxSpec { Image = DockerBackendOptions.BaseImage, Mounts = [new SandboxMount(link, "/mnt/run")] }));

        Assert.Contains("agent.sock", socket.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Refusing to mount '{link}'", linked.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();
}
