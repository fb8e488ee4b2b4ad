using System.Text.Json;
using SweLego.Cli;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary><c>sandbox probe</c> (table, JSON, exit codes) and the limit options of <c>sandbox run</c>.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class SandboxCommandsTests
{
    [Fact]
    public async Task SandboxProbe_OnlyContainedProbe_TableAndSummaryExitZero()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("sandbox", "probe", "--only", "net.loopback");

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        string row = Assert.Single(stdout.Split('\n'), l => l.Contains("net.loopback", StringComparison.Ordinal));
        Assert.Contains("contained", row, StringComparison.Ordinal);
        Assert.Contains("Connection refused", row, StringComparison.Ordinal);
        Assert.Contains("bwrap: 1 of 1 probes contained, 0 NOT contained, 0 errors.", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxProbe_Json_ReportWithStatusEvidenceAndCommands()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("sandbox", "probe", "--only", "write.etc", "net.dns", "--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal("bwrap", root.GetProperty("backend").GetString());
        Assert.Equal(2, root.GetProperty("contained").GetInt32());
        var results = root.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["net.dns", "write.etc"], results.Select(r => r.GetProperty("id").GetString()));
        Assert.All(results, r => Assert.Equal("contained", r.GetProperty("status").GetString()));
        Assert.StartsWith("echo swelego-probe > '/etc/.swelego-probe-", results[1].GetProperty("commands")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxProbe_UnknownProbe_UsageErrorListsKnownIds()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("sandbox", "probe", "--only", "read.everything");

        Assert.Equal(CliApp.UsageError, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: Unknown probe 'read.everything'; known probes: net.loopback, ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("probe")]
    [InlineData("run", "--", "true")]
    public async Task Sandbox_UnknownBackend_UsageErrorExitsTwo(string verb, params string[] rest)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync(["sandbox", verb, "--backend", "lxc", .. rest]);

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("'lxc'", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--memory", "0", "from 16 to 1048576")]
    [InlineData("--memory", "-1", "from 16 to 1048576")]
    [InlineData("--memory", "abc", "from 16 to 1048576")]
    [InlineData("--memory", "99999999999", "from 16 to 1048576")]
    [InlineData("--timeout", "NaN", "above 0 and at most 2592000")]
    [InlineData("--timeout", "-1", "above 0 and at most 2592000")]
    [InlineData("--timeout", "Infinity", "above 0 and at most 2592000")]
    [InlineData("--max-processes", "3", "from 16 to 4194304")]
    [InlineData("--disk", "0", "from 1 to 1048576")]
    [InlineData("--tmp", "-5", "from 1 to 1048576")]
    public async Task SandboxRun_BadLimit_OneErrorLineNamingOptionAndRange(string option, string value, string range)
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("sandbox", "run", option, value, "--", "true");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        string error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Equal($"error: {option}: '{value}' is outside the accepted range: ", error[..$"error: {option}: '{value}' is outside the accepted range: ".Length]);
        Assert.Contains(range, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxRun_TmpNotBelowMemory_UsageErrorNamesOptions()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("sandbox", "run", "--memory", "64", "--tmp", "64", "--", "true");

        Assert.Equal(CliApp.UsageError, exit);
        string line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: /tmp (64 MiB) and /dev/shm (4 MiB) live in memory", line, StringComparison.Ordinal);
        Assert.EndsWith("(see --memory, --tmp)", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxRun_SmallMemoryWithDiskAndTmp_Runs()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("sandbox", "run", "--memory", "128", "--disk", "100", "--tmp", "16", "--timeout", "30.5", "--", "echo ok");

        Assert.True(exit == 0, $"exit {exit}: {stdout}{stderr}");
        Assert.StartsWith("ok\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxRun_ReadOnlyWorkspace_UsageErrorSaysNotWritable()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("sandbox", "run", "--workspace", "/proc/self", "--", "true");

        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("error: Workspace directory '/proc/self' is not writable (", stderr, StringComparison.Ordinal);
    }
}
