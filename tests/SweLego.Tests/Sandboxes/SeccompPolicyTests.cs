using System.Text.Json;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Security;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes;

/// <summary>The system-call policy: the newer calls a filter cannot inspect are "not implemented", and both renderings carry every rule.</summary>
[Collection(SandboxConformanceGroup.Name)]
public sealed class SeccompPolicyTests : IDisposable
{
    private readonly TempDirectory _workspace = new("swelego-ws-");

    [Fact]
    public async Task Bwrap_RawNewerSyscallsAndSetuidModes_Refused()
    {
        await using var session = await new BwrapBackend().StartAsync(new SandboxSpec { HostWorkspace = _workspace.Path });
        // fchmodat2(AT_FDCWD, "f", 04755, 0) by number: libc never calls it, hostile code can.
        var result = await session.ExecAsync(
            "touch f && python3 -c \"import ctypes; l=ctypes.CDLL(None, use_errno=True); print(l.syscall(452, -100, b'f', 0o4755, 0), ctypes.get_errno())\"; " +
            "python3 -c \"import os; os.open('g', os.O_CREAT | os.O_WRONLY, 0o4755)\" 2>&1 | tail -n 1");
        Assert.Equal("-1 38\nPermissionError: [Errno 1] Operation not permitted: 'g'\n", result.Output);
        Assert.False(File.Exists(Path.Combine(_workspace.Path, "g")));
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(Path.Combine(_workspace.Path, "f")) & (UnixFileMode.SetUser | UnixFileMode.SetGroup));
    }

    [Fact]
    public void DockerProfileJson_EveryRule_AllowByDefault()
    {
        using var profile = JsonDocument.Parse(SeccompPolicy.DockerProfileJson());
        Assert.Equal("SCMP_ACT_ALLOW", profile.RootElement.GetProperty("defaultAction").GetString());
        var names = profile.RootElement.GetProperty("syscalls").EnumerateArray().Select(e => e.GetProperty("names")[0].GetString()).ToList();
        Assert.Equal(SeccompPolicy.Rules.Select(r => r.Syscall), names);
        Assert.Contains("add_key", names);
        Assert.Contains("fchmodat2", names);
    }

    public void Dispose() => _workspace.Dispose();
}
