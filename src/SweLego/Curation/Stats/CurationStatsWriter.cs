using SweLego.Runs;

namespace SweLego.Curation.Stats;

/// <summary>
/// Writes the statistics into a folder (default <c>RUN/curation/stats</c>): <c>stats.json</c>, <c>stats.md</c> and
/// each chart as <c>NAME.png</c> and <c>NAME.svg</c>, every file replaced atomically, so a reader never sees half a chart.
/// </summary>
public static class CurationStatsWriter
{
    public const string Folder = "stats";
    public const string JsonFile = "stats.json";
    public const string MarkdownFile = "stats.md";

    /// <summary>The default output folder of a curation folder.</summary>
    public static string DefaultDirectory(string curationDirectory) => Path.Combine(curationDirectory, Folder);

    /// <summary>Writes every file and returns their full paths, stats.json first.</summary>
    public static IReadOnlyList<string> Write(CurationStats stats, string directory)
    {
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        string full = Path.GetFullPath(directory);
        var written = new List<string> { Path.Combine(full, JsonFile), Path.Combine(full, MarkdownFile) };
        AtomicFile.WriteJson(written[0], stats);
        AtomicFile.WriteAllText(written[1], StatsMarkdown.Render(stats));
        foreach (var chart in StatsCharts.Render(stats))
        {
            string png = Path.Combine(full, chart.Name + ".png"), svg = Path.Combine(full, chart.Name + ".svg");
            AtomicFile.WriteAllBytes(png, chart.Png);
            AtomicFile.WriteAllText(svg, chart.Svg);
            written.AddRange([png, svg]);
        }

        return written;
    }
}
