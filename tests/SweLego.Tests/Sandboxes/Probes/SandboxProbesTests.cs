using System.Text.RegularExpressions;
using SweLego.Sandboxes.Probes;

namespace SweLego.Tests.Sandboxes.Probes;

/// <summary>The probe catalogue: stable ids that appear on the command line, in reports and in test names.</summary>
public sealed partial class SandboxProbesTests
{
    [Fact]
    public void All_Catalogue_HasEveryEscapeAndLimitProbeOnceInStableOrder()
    {
        Assert.Equal(
            [
                "net.loopback", "net.dns", "socket.host-run",
                "read.etc-shadow", "read.root-home", "read.run-folder", "read.swelego-cache", "read.proc-environ",
                "write.etc", "write.usr", "write.home", "write.host-tmp", "write.proc-sys", "write.sys",
                "mount", "unshare", "chroot", "setuid", "mknod", "keyring", "ptrace-kill-host",
                "fork-bomb", "memory-8g", "memory-8g-then-echo", "output-2g", "hang", "double-fork",
                "fill.workspace", "fill.tmp", "fill.shm",
            ],
            SandboxProbes.Ids);
    }

    [Fact]
    public void All_Probes_HaveWellFormedIdsOneLineDescriptionsAndValidLimits()
    {
        foreach (var probe in SandboxProbes.All)
        {
            Assert.Matches(IdPattern(), probe.Id);
            Assert.DoesNotContain('\n', probe.Description);
            Assert.EndsWith(".", probe.Description, StringComparison.Ordinal);
            probe.Limits.Validate();
            Assert.InRange(probe.Deadline, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10));
        }
    }

    [Fact]
    public void Select_UnknownId_ThrowsListingKnownIds()
    {
        var error = Assert.Throws<ArgumentException>(() => SandboxProbes.Select(["net.loopback", "read.everything"]));
        Assert.Contains("'read.everything'", error.Message, StringComparison.Ordinal);
        Assert.Contains("read.etc-shadow", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_IdsInAnyOrder_CatalogueOrderAndEmptyMeansAll()
    {
        Assert.Equal(["net.dns", "hang"], SandboxProbes.Select(["hang", "net.dns"]).Select(p => p.Id));
        Assert.Equal(SandboxProbes.All.Count, SandboxProbes.Select([]).Count);
    }

    [GeneratedRegex("^[a-z0-9]+(?:[.-][a-z0-9]+)*$")]
    private static partial Regex IdPattern();
}
