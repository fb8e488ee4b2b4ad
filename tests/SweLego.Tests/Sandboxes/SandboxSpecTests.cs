using System.Diagnostics;
using SweLego.Sandboxes;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes;

/// <summary>SandboxSpec.Validate: a workspace the sandbox cannot write is refused up front, with the reason.</summary>
public sealed class SandboxSpecTests
{
    [Fact]
    public async Task Validate_WorkspaceNotWritable_ArgumentExceptionNamesIt()
    {
        using var workspace = new TempDirectory();
        // An immutable folder: not even root may create files in it (and no mount is needed to get one).
        await ChattrAsync("+i", workspace.Path);
        try
        {
            var error = Assert.Throws<ArgumentException>(() => new SandboxSpec { HostWorkspace = workspace.Path }.Validate());
            Assert.StartsWith($"Workspace directory '{workspace.Path}' is not writable (", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            await ChattrAsync("-i", workspace.Path);
        }
    }

    [Fact]
    public void Validate_WritableWorkspace_PassesAndLeavesNothing()
    {
        using var workspace = new TempDirectory();
        new SandboxSpec { HostWorkspace = workspace.Path }.Validate();
        Assert.Empty(Directory.EnumerateFileSystemEntries(workspace.Path));
    }

    private static async Task ChattrAsync(string flag, string path)
    {
        using var chattr = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true })!;
        string error = await chattr.StandardError.ReadToEndAsync();
        await chattr.WaitForExitAsync();
        Assert.True(chattr.ExitCode == 0, $"chattr {flag} {path}: {error}");
    }
}
