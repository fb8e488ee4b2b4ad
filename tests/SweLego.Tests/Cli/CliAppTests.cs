using SweLego.Cli;
using SweLego.Tests.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary>The CLI's contract: exit codes, one-line errors, and the observation text of <c>sandbox run</c>.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class CliAppTests
{
    [Fact]
    public async Task RunAsync_Help_ListsVerbsAndExitsZero()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("sandbox", stdout, StringComparison.Ordinal);
        Assert.Contains("bench", stdout, StringComparison.Ordinal);
        Assert.Contains("swelego [command] [options]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildRoot_EveryVerb_ExplainsItselfWithAnExample()
    {
        static IEnumerable<System.CommandLine.Command> Walk(System.CommandLine.Command command) =>
            command.Subcommands.SelectMany(Walk).Prepend(command);

        var verbs = Walk(CliApp.BuildRoot()).ToList();
        var missing = verbs.Where(c => !System.Text.RegularExpressions.Regex.IsMatch(c.Description ?? "", "Examples?:\n  swelego "))
            .Select(c => c.Name);
        Assert.True(verbs.Count >= 20, $"only {verbs.Count} commands found");
        Assert.Empty(missing);
    }

    [Fact]
    public async Task RunAsync_SandboxRunPython_PrintsObservationAndCommandExitCode()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("sandbox", "run", "--", "python3", "-c", "print(42)");
        Assert.Equal(0, exit);
        string[] lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("42", lines[0]);
        Assert.Equal("[The command completed with exit code 0.]", lines[1]);
        Assert.StartsWith("[Current working directory: /tmp/swelego-sandbox-", lines[2], StringComparison.Ordinal);
        Assert.Equal("[Command finished with exit code 0]", lines[^1]);
    }

    [Fact]
    public async Task RunAsync_CommandFails_ExitsWithItsExitCode()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("sandbox", "run", "--", "echo out; (exit 3)");
        Assert.Equal(3, exit);
        Assert.EndsWith("[Command finished with exit code 3]\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BadOptionValue_UsageErrorExitsTwo()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("bench", "sandbox", "--iterations", "many");
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("many", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ImageWithBwrap_UsageErrorExitsTwo()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("sandbox", "run", "--image", "swelego/base:bookworm-3", "--", "true");
        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("error: --image needs --backend docker", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingImage_OneActionableLineExitsOne()
    {
        var (exit, stdout, stderr) = await CliRunner.RunAsync("sandbox", "run", "--backend", "docker", "--image", "swelego/no-such-image:1", "--", "true");
        Assert.Equal(CliApp.Failure, exit);
        Assert.Empty(stdout);
        string[] lines = stderr.TrimEnd('\n').Split('\n');
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("swelego/no-such-image:1", lines[0], StringComparison.Ordinal);
        Assert.Equal("(run with --verbose for details)", lines[^1]);
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public async Task RunAsync_PythonCheckSyntaxError_NamesLineAndColumnExitsOne()
    {
        using var folder = new TestSupport.TempDirectory();
        string bad = folder.Combine("bad.py");
        await File.WriteAllTextAsync(bad, "def f(x):\n    return x +\n");
        await File.WriteAllTextAsync(folder.Combine("good.py"), "class C:\n    @staticmethod\n    def g():\n        pass\n");

        var (exit, stdout, _) = await CliRunner.RunAsync("python", "check", folder.Path);

        Assert.Equal(CliApp.Failure, exit);
        Assert.Contains($"{bad}:2:14: invalid syntax", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PythonCheckJson_ListsDefinitionsWithAstSpans()
    {
        using var folder = new TestSupport.TempDirectory();
        string good = folder.Combine("good.py");
        await File.WriteAllTextAsync(good, "class C:\n    @staticmethod\n    def g():\n        pass\n");

        var (exit, stdout, _) = await CliRunner.RunAsync("python", "check", good, "--json");

        Assert.Equal(0, exit);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var definitions = json.RootElement.GetProperty("files")[0].GetProperty("definitions").EnumerateArray()
            .Select(d => $"{d.GetProperty("qualifiedName").GetString()} {d.GetProperty("line").GetInt32()}:{d.GetProperty("column").GetInt32()}-{d.GetProperty("endLine").GetInt32()}:{d.GetProperty("endColumn").GetInt32()}")
            .ToList();
        Assert.Equal(["C 1:0-4:12", "C.g 3:4-4:12"], definitions);
    }

    [Fact]
    public async Task RunAsync_EnvPruneBudgetNotASize_UsageErrorNamesAcceptedForms()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("env", "prune", "--budget", "20G");
        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("'20G' is not a size", stderr, StringComparison.Ordinal);
        Assert.Contains("1.5GiB", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EnvBuildImageBudgetWithBwrap_UsageErrorExitsTwo()
    {
        using var folder = new TestSupport.TempDirectory();
        var (exit, _, stderr) = await CliRunner.RunAsync("env", "build", folder.Path, "--image-budget", "1GB");
        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("error: --image-budget needs --backend docker", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EnvPruneDryRunThenPrune_RemovesLabelledImageOnlyTheSecondTime()
    {
        using var client = SweLego.Sandboxes.Docker.DockerEndpoint.CreateClient((string?)null);
        var images = new Environments.Build.TestEnvironmentImages(client);
        try
        {
            string tag = await images.BuildAsync("cli", bytes: 100_000);

            var (dryExit, dryOut, _) = await CliRunner.RunAsync("env", "prune", "--budget", "0", "--dry-run", "--label", images.LabelFilter);
            Assert.Equal(0, dryExit);
            Assert.Contains("Would remove 1 image(s)", dryOut, StringComparison.Ordinal);
            Assert.True(await client.ImageExistsAsync(tag));

            var (exit, stdout, _) = await CliRunner.RunAsync("env", "prune", "--budget", "1KB", "--label", images.LabelFilter);
            Assert.Equal(0, exit);
            Assert.Contains("Removed 1 image(s)", stdout, StringComparison.Ordinal);
            Assert.Contains("(budget 1.0 KB)", stdout, StringComparison.Ordinal);
            Assert.False(await client.ImageExistsAsync(tag));
        }
        finally
        {
            await images.RemoveAllAsync();
        }
    }
}
