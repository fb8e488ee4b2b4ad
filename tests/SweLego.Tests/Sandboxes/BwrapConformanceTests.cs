using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;

namespace SweLego.Tests.Sandboxes;

[Collection(SandboxConformanceGroup.Name)]
public sealed class BwrapConformanceTests : SandboxConformanceTests
{
    protected override ISandboxBackend CreateBackend() => new BwrapBackend();

    protected override SandboxSpec Spec(SandboxLimits? limits = null) =>
        new() { HostWorkspace = HostWorkspace, Limits = limits ?? SandboxLimits.Default };

    protected override Task AssertNothingLeftAsync(ISandboxSession disposedSession, string uniqueCommand)
    {
        var survivors = Directory.EnumerateDirectories("/proc")
            .Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d => { try { return File.ReadAllText(Path.Combine(d, "cmdline")).Replace('\0', ' '); } catch (IOException) { return ""; } })
            .Where(c => c.Contains(uniqueCommand, StringComparison.Ordinal))
            .ToList();
        Assert.Empty(survivors);
        return Task.CompletedTask;
    }
}
