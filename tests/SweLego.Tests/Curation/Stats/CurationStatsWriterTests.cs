using System.Buffers.Binary;
using System.Text.Json;
using System.Xml.Linq;
using SweLego.Curation;
using SweLego.Curation.Stats;
using static SweLego.Curation.CurationLabel;
using static SweLego.Tests.Curation.Stats.CurationRun;

namespace SweLego.Tests.Curation.Stats;

/// <summary>stats.json, stats.md and the charts as files: real PNGs of the stated size, SVGs that parse and carry their titles.</summary>
public sealed class CurationStatsWriterTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static readonly string[] Charts = ["resolve-rate", "masked-share", "tokens", "curriculum"];

    public static TheoryData<bool> Inputs => [true, false];

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Write_FixtureOrEmpty_EveryFileWithRealImagesAndTitles(bool withData)
    {
        using var run = withData ? Fixture() : new CurationRun().Write([], [], Report([]));
        var stats = run.Stats();
        string output = run.Combine("out");

        var files = CurationStatsWriter.Write(stats, output);

        Assert.Equal([CurationStatsWriter.JsonFile, CurationStatsWriter.MarkdownFile, .. Charts.SelectMany(c => new[] { c + ".png", c + ".svg" })],
            files.Select(Path.GetFileName));
        Assert.Equal(files.Order(StringComparer.Ordinal), Directory.GetFiles(output).Order(StringComparer.Ordinal));
        foreach (string png in files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
            Assert.Equal((StatsCharts.Width, StatsCharts.Height), ((int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20))));
        }

        string[] titles = [StatsCharts.ResolveRateChartTitle(stats.ResolveRate), StatsCharts.MaskingTitle, StatsCharts.TokensTitle, StatsCharts.CurriculumTitle];
        foreach (var (chart, title) in Charts.Zip(titles))
        {
            var svg = XDocument.Load(Path.Combine(output, chart + ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
            var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").ToList();
            Assert.Contains(texts, t => t.Value.Trim() == title);
            Assert.All(texts, t => Assert.Equal(StatsCharts.FontName, (string?)t.Attribute("font-family")));
        }

        using var json = JsonDocument.Parse(File.ReadAllBytes(files[0]));
        Assert.Equal(CurationStats.FormatVersion, json.RootElement.GetProperty("v").GetInt32());
        string markdown = File.ReadAllText(files[1]);
        Assert.StartsWith("# Curation statistics\n", markdown, StringComparison.Ordinal);
        Assert.Contains($"## {StatsTables.ResolveRateTitle}\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Fixture_JsonSnakeCaseAndMarkdownTablesWithTheNumbers()
    {
        using var run = Fixture();
        var stats = run.Stats();

        var files = CurationStatsWriter.Write(stats, CurationStatsWriter.DefaultDirectory(run.CurationDirectory));

        Assert.Equal(Path.Combine(run.CurationDirectory, "stats", "stats.json"), files[0]);
        using var json = JsonDocument.Parse(File.ReadAllBytes(files[0]));
        var rate = json.RootElement.GetProperty("resolve_rate");
        Assert.Equal(-1, rate.GetProperty("pearson_unweighted").GetDouble(), 1e-12);
        Assert.Equal("semi_resolved", json.RootElement.GetProperty("labels")[1].GetProperty("label").GetString());
        string markdown = File.ReadAllText(files[1]);
        Assert.Contains("| turns | trajectories | resolved | semi-resolved | unresolved | resolve rate |\n|---|---:|---:|---:|---:|---:|\n| 1–10 | 2 | 2 | 0 | 0 | 100.0% |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("Pearson r of bucket midpoint and rate: -1.000 (one point per bucket, comparable to the paper's -0.95)", markdown, StringComparison.Ordinal);
        Assert.Contains("| error-observation | yes | 1 | 3.2% | 300 | 30.0% |", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1 | easy | 1–50 | 3 | 2,300 | 3 | 2,300 | 920 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| ≤1K | 3 | 3 |", markdown, StringComparison.Ordinal);
    }

    /// <summary>Rates 1, 0.5, 0 over three buckets (r = −1), one masked turn of 31, three records in easy.</summary>
    internal static CurationRun Fixture()
    {
        TurnDecision[] masked = [new(1, true, "error-observation"), .. Enumerable.Range(2, 4).Select(t => new TurnDecision(t, false, TurnDecision.Clean))];
        return new CurationRun().Write(
            [Kept("a", 5, Resolved, decisions: masked, tokens: new(300, 120, 20, 0)), Kept("b", 1, Resolved, tokens: new(1000, 400, 0, 0)),
                Kept("c", 25, SemiResolved, tokens: new(1000, 400, 0, 0))],
            [Dropped("d", 15, Resolved, CurationFilters.HackAudit), Dropped("e", 12, Unresolved, CurationFilters.Unresolved), Dropped("f", 25, Unresolved, CurationFilters.Unresolved)],
            Report([new("clean", false, 30, 700), new("error-observation", true, 1, 300)]));
    }
}
