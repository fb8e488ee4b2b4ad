using System.CommandLine;
using System.Text.Json;
using SweLego.Cli;
using SweLego.Cli.Commands;
using SweLego.Curation.Stats;
using SweLego.Tests.Cli;

namespace SweLego.Tests.Curation.Stats;

/// <summary>
/// <c>swelego curate stats</c> on run folders, through the command <see cref="CurateStatsCommand.Create"/> builds, under
/// a <c>curate</c> parent as the CLI will attach it (a <see cref="UsageException"/> is what CliApp turns into exit 2).
/// </summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class CurateStatsCommandTests
{
    [Fact]
    public async Task Invoke_CuratedRun_PrintsTablesAndPathsAndWritesFiles()
    {
        using var run = CurationStatsWriterTests.Fixture();

        var (exit, stdout) = await InvokeAsync("curate", "stats", run.Run.DirectoryPath);

        Assert.Equal(0, exit);
        foreach (string title in new[] { StatsTables.ResolveRateTitle, StatsTables.MaskingTitle, StatsTables.TokenHistogramTitle, StatsTables.CurriculumTitle, StatsTables.LabelSourcesTitle })
            Assert.Contains(title, stdout, StringComparison.Ordinal);
        Assert.Contains("Pearson r of bucket midpoint and rate: -1.000", stdout, StringComparison.Ordinal);
        Assert.Matches(@"│ 1–10\s+│\s+2 │\s+2 │\s+0 │\s+0 │\s+100\.0% │", stdout);
        string stats = Path.Combine(run.CurationDirectory, "stats");
        foreach (string file in new[] { "stats.json", "stats.md", "resolve-rate.png", "resolve-rate.svg", "curriculum.svg" })
        {
            Assert.True(File.Exists(Path.Combine(stats, file)), file);
            Assert.Contains("  " + Path.Combine(stats, file) + "\n", stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Invoke_JsonOutAndBucket_PrintsStatsJsonWrittenToOut()
    {
        using var run = CurationStatsWriterTests.Fixture();
        string output = run.Combine("elsewhere");

        var (exit, stdout) = await InvokeAsync("curate", "stats", run.Run.DirectoryPath, "--json", "--out", output, "--bucket", "20");

        Assert.Equal(0, exit);
        Assert.Equal(File.ReadAllText(Path.Combine(output, "stats.json")), stdout);
        using var json = JsonDocument.Parse(stdout);
        var rate = json.RootElement.GetProperty("resolve_rate");
        Assert.Equal(20, rate.GetProperty("bucket_size").GetInt32());
        // 1–20: a, b, d resolved, e unresolved → 3/4; 21–40: c semi, f unresolved → 0.
        Assert.Equal([0.75, 0.0], rate.GetProperty("buckets").EnumerateArray().Select(b => b.GetProperty("rate").GetDouble()));
        Assert.False(Directory.Exists(Path.Combine(run.CurationDirectory, "stats")));
    }

    [Fact]
    public async Task Invoke_RunWithoutCuration_UsageErrorSaysToCurateFirst()
    {
        using var run = new CurationRun();

        var error = await Assert.ThrowsAsync<UsageException>(() => InvokeAsync("curate", "stats", run.Run.DirectoryPath));

        Assert.Equal($"{run.Run.DirectoryPath} has no curation output ({Path.Combine(run.CurationDirectory, "kept.jsonl")}): run `swelego curate {run.Run.DirectoryPath}` first.", error.Message);
        Assert.False(Directory.Exists(run.CurationDirectory));
    }

    [Fact]
    public void Parse_BucketZero_OneErrorNamingTheRange()
    {
        var parse = Root().Parse(["curate", "stats", "run", "--bucket", "0"]);

        string error = Assert.Single(parse.Errors).Message;
        Assert.StartsWith("--bucket: '0' is outside the accepted range: a whole number from 1 to 1000", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Description_HasAnExample() =>
        Assert.Contains("Example:\n  swelego curate stats ", CurateStatsCommand.Create().Description, StringComparison.Ordinal);

    private static Command Root() => new("swelego") { Subcommands = { new Command("curate") { Subcommands = { CurateStatsCommand.Create() } } } };

    private static async Task<(int Exit, string Stdout)> InvokeAsync(params string[] args)
    {
        var parse = Root().Parse(args);
        Assert.Empty(parse.Errors);
        var stdout = new StringWriter();
        var oldOut = Console.Out;
        Console.SetOut(stdout);
        try
        {
            int exit = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return (exit, stdout.ToString());
        }
        finally
        {
            Console.SetOut(oldOut);
        }
    }
}
