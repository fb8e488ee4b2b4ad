using SweLego.Sandboxes.Probes;

namespace SweLego.Tests.Sandboxes;

/// <summary>
/// Every probe of the catalogue must be contained on every backend: one theory case per probe
/// id, so a regression names the probe and the evidence. The probes build their own limits.
/// </summary>
public abstract partial class SandboxConformanceTests
{
    public static TheoryData<string> ProbeIds => [.. SandboxProbes.Ids];

    [Theory]
    [MemberData(nameof(ProbeIds), MemberType = typeof(SandboxConformanceTests))]
    public async Task SandboxProbe_RunOnThisBackend_Contained(string id)
    {
        var runner = new SandboxProbeRunner(CreateBackend(), new SandboxProbeRunOptions
        {
            Spec = (workspace, limits) => Spec(limits) with { HostWorkspace = workspace },
        });

        var result = await runner.RunOneAsync(SandboxProbes.Find(id));

        Assert.True(result.IsContained, $"{id} on {result.Backend}: {result.Status}: {result.Evidence}");
    }
}
