using System.Formats.Tar;
using System.Text;
using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

[Collection(DockerEngineTestGroup.Name)]
public sealed class ArchiveTests(DockerEngineFixture fixture)
{
    private static readonly byte[] Binary = [0x00, 0xff, 0x7f, 0x80, 0x0d, 0x0a, 0x1b, 0xfe];

    private DockerEngineClient Client => fixture.Client;

    [Fact]
    public async Task GetArchiveAsync_AfterPutArchive_RoundTripsDirectoryWithBinaryFile()
    {
        await using var container = await fixture.StartAsync();
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "proj/") { Mode = (UnixFileMode)0b111_101_101 });
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "proj/readme.txt") { DataStream = new MemoryStream("héllo\n"u8.ToArray()) });
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, "proj/bin/"));
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, "proj/bin/blob.dat")
            {
                DataStream = new MemoryStream(Binary),
                Mode = (UnixFileMode)0b111_101_101,
            });
        }

        tar.Position = 0;

        await Client.PutArchiveAsync(container.Id, "/tmp", tar);
        var files = await ReadFilesAsync(await Client.GetArchiveAsync(container.Id, "/tmp/proj"));

        Assert.Equal(["proj/bin/blob.dat", "proj/readme.txt"], files.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("héllo\n", Encoding.UTF8.GetString(files["proj/readme.txt"].Data));
        Assert.Equal(Binary, files["proj/bin/blob.dat"].Data);
        Assert.True(files["proj/bin/blob.dat"].Mode.HasFlag(UnixFileMode.UserExecute));
        Assert.True(tar.Position == tar.Length, "the whole archive was sent");
    }

    [Fact]
    public async Task PutArchiveAsync_FileVisibleToExec()
    {
        await using var container = await fixture.StartAsync();
        using var tar = Tar("note.txt", "from the host");

        await Client.PutArchiveAsync(container.Id, "/root", tar);
        var execId = await Client.CreateExecAsync(container.Id, ["cat", "/root/note.txt"]);
        await using var stream = await Client.StartExecAttachedAsync(execId);
        var (stdout, _) = await ExecOutput.ReadAllAsync(stream);

        Assert.Equal("from the host", Encoding.UTF8.GetString(stdout));
    }

    [Fact]
    public async Task PutArchiveAsync_ReadonlyRootfs_AcceptedOnVolumeRefusedElsewhere()
    {
        var volume = fixture.UniqueName("vol");
        try
        {
            await using var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage)
            {
                ReadonlyRootfs = true,
                Volumes = new Dictionary<string, string> { [volume] = "/work" },
            });

            await Client.PutArchiveAsync(container.Id, "/work", Tar("in-volume.txt", "v"));
            var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.PutArchiveAsync(container.Id, "/root", Tar("no.txt", "x")));

            Assert.Contains("read-only", ex.DaemonMessage, StringComparison.Ordinal);
            var files = await ReadFilesAsync(await Client.GetArchiveAsync(container.Id, "/work/in-volume.txt"));
            Assert.Equal("v", Encoding.UTF8.GetString(files["in-volume.txt"].Data));
        }
        finally
        {
            await Client.RemoveVolumeAsync(volume, force: true);
        }
    }

    [Fact]
    public async Task GetArchiveAsync_FileOnTmpfs_NotVisibleToDaemon()
    {
        // Pins a daemon quirk the docker backend must route around: archives bypass tmpfs mounts.
        await using var container = await fixture.StartAsync(new ContainerSpec(DockerEngineFixture.BaseImage)
        {
            Tmpfs = new Dictionary<string, string> { ["/scratch"] = "rw,size=1m" },
        });
        var execId = await Client.CreateExecAsync(container.Id, ["sh", "-c", "echo inside > /scratch/f.txt"]);
        await using (var stream = await Client.StartExecAttachedAsync(execId))
        {
            await ExecOutput.ReadAllAsync(stream);
        }

        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.GetArchiveAsync(container.Id, "/scratch/f.txt"));

        Assert.True(ex.IsNotFound, ex.Message);
    }

    [Fact]
    public async Task GetArchiveAsync_MissingPath_Throws404()
    {
        await using var container = await fixture.StartAsync();

        var ex = await Assert.ThrowsAsync<DockerEngineException>(() => Client.GetArchiveAsync(container.Id, "/no/such/path"));

        Assert.True(ex.IsNotFound, ex.Message);
    }

    private static MemoryStream Tar(string name, string text)
    {
        var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)) });
        }

        tar.Position = 0;
        return tar;
    }

    private static async Task<Dictionary<string, (byte[] Data, UnixFileMode Mode)>> ReadFilesAsync(Stream archive)
    {
        var files = new Dictionary<string, (byte[], UnixFileMode)>(StringComparer.Ordinal);
        await using (archive)
        {
            await using var reader = new TarReader(archive);
            while (await reader.GetNextEntryAsync(copyData: true) is { } entry)
            {
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    using var data = new MemoryStream();
                    if (entry.DataStream is not null)
                    {
                        await entry.DataStream.CopyToAsync(data);
                    }

                    files[entry.Name] = (data.ToArray(), entry.Mode);
                }
            }
        }

        return files;
    }
}
