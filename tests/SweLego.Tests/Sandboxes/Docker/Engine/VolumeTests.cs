using System.Text;
using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

[Collection(DockerEngineTestGroup.Name)]
public sealed class VolumeTests(DockerEngineFixture fixture)
{
    private DockerEngineClient Client => fixture.Client;

    [Fact]
    public async Task CreateContainerAsync_NamedVolumeOverImageDir_CopiesContentAndIsWritableOnReadonlyRootfs()
    {
        var volume = fixture.UniqueName("vol");
        try
        {
            await using (var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage)
            {
                ReadonlyRootfs = true,
                Volumes = new Dictionary<string, string> { [volume] = "/root" },
            }))
            {
                var (exitCode, output) = await RunAsync(
                    container.Id,
                    "test -f /root/.bashrc && echo copied; echo data > /root/new && cat /root/new; touch /etc/swelego-probe 2>&1; echo etc=$?");

                Assert.Equal(0, exitCode);
                Assert.Equal("copied\ndata\ntouch: cannot touch '/etc/swelego-probe': Read-only file system\netc=1\n", output);
                var info = await Client.InspectContainerAsync(container.Id);
                Assert.True(info.ReadonlyRootfs);
                var mount = Assert.Single(info.Mounts, m => m.Destination == "/root");
                Assert.Equal(("volume", volume, true), (mount.Type, mount.Name, mount.ReadWrite));
                Assert.Contains(volume, await Client.ListVolumesAsync(fixture.RunLabelFilter));
            }
        }
        finally
        {
            await Client.RemoveVolumeAsync(volume, force: true);
        }
    }

    [Fact]
    public async Task RemoveContainerAsync_WithRemoveVolumes_KeepsNamedVolume()
    {
        var volume = fixture.UniqueName("vol");
        try
        {
            await using (var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage)
            {
                Volumes = new Dictionary<string, string> { [volume] = "/srv" },
            }))
            {
                await Client.RemoveContainerAsync(container.Id, force: true, removeVolumes: true);
            }

            Assert.Contains(volume, await Client.ListVolumesAsync(fixture.RunLabelFilter));
        }
        finally
        {
            await Client.RemoveVolumeAsync(volume, force: true);
        }

        Assert.DoesNotContain(volume, await Client.ListVolumesAsync(fixture.RunLabelFilter));
    }

    [Fact]
    public async Task CreateContainerAsync_BindMount_HostDirectoryWritableFromContainer()
    {
        using var host = new TestSupport.TempDirectory("swelego-bind-");
        await File.WriteAllTextAsync(Path.Combine(host.Path, "in.txt"), "from host");
        await using var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage)
        {
            ReadonlyRootfs = true,
            Binds = new Dictionary<string, string> { [host.Path] = "/work" },
        });

        var (exitCode, output) = await RunAsync(container.Id, "cat /work/in.txt && echo -n back > /work/out.txt");

        Assert.Equal((0, "from host"), (exitCode, output));
        Assert.Equal("back", await File.ReadAllTextAsync(Path.Combine(host.Path, "out.txt")));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string containerId, string script)
    {
        var execId = await Client.CreateExecAsync(containerId, ["bash", "-c", script]);
        await using var stream = await Client.StartExecAttachedAsync(execId);
        var (stdout, stderr) = await ExecOutput.ReadAllAsync(stream);
        var info = await ExecOutput.WaitForExitAsync(Client, execId);
        return (info.ExitCode!.Value, Encoding.UTF8.GetString(stdout) + Encoding.UTF8.GetString(stderr));
    }
}
