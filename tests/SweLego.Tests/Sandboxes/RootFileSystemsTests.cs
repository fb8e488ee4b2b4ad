using System.Diagnostics;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes;

/// <summary>Where the bwrap sandbox's root file system comes from, and what a user sees when there is none.</summary>
public sealed class RootFileSystemsTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-rootfs-");

    [Fact]
    public async Task ResolveAsync_NoImageNoCacheNoFolder_SaysHowToBuildOne()
    {
        var options = new BwrapOptions { RootFsCache = _temp.Combine("cache"), DockerEndpoint = $"unix://{_temp.Combine("no-daemon.sock")}" };
        var error = await Assert.ThrowsAsync<SandboxException>(() => RootFileSystems.ResolveAsync(options));
        Assert.Contains("swelego sandbox rootfs --debootstrap", error.Message, StringComparison.Ordinal);
        Assert.Contains("--rootfs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FromPathAsync_Tarball_UnpackedOnceByContentAndMadeTheDefault()
    {
        string tree = _temp.Combine("tree");
        foreach (string file in (string[])["usr/bin/bash", "usr/bin/env", "etc/passwd"])
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(tree, file))!);
            await File.WriteAllTextAsync(Path.Combine(tree, file), file);
        }

        string tarball = _temp.Combine("rootfs.tar.gz");
        using (var tar = Process.Start("tar", ["-czf", tarball, "-C", tree, "."])) await tar.WaitForExitAsync();
        string cache = _temp.Combine("cache");

        string first = await RootFileSystems.FromPathAsync(tarball, cache);
        File.SetLastWriteTimeUtc(tarball, DateTime.UtcNow.AddDays(1));   // same content: same folder
        string second = await RootFileSystems.FromPathAsync(tarball, cache);

        Assert.Equal(first, second);
        Assert.StartsWith(Path.Combine(cache, "tar-"), first, StringComparison.Ordinal);
        Assert.Equal("usr/bin/env", await File.ReadAllTextAsync(Path.Combine(first, "usr/bin/env")));
        Assert.Equal(first, await RootFileSystems.ResolveAsync(new BwrapOptions { RootFsCache = cache, DockerEndpoint = $"unix://{_temp.Combine("none.sock")}" }));
        Assert.Single(Directory.GetDirectories(cache));   // no half-unpacked leftovers
    }

    [Fact]
    public async Task FromPathAsync_FolderWithoutBash_NamesWhatIsMissing()
    {
        Directory.CreateDirectory(_temp.Combine("empty"));
        var error = await Assert.ThrowsAsync<SandboxException>(() => RootFileSystems.FromPathAsync(_temp.Combine("empty"), _temp.Combine("cache")));
        Assert.Contains("has no /usr/bin/bash", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
