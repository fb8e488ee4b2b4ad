using System.Globalization;
using ScottPlot;

namespace SweLego.Curation.Stats;

/// <summary>
/// The statistics' charts, rendered headless by ScottPlot (SkiaSharp) as PNG and SVG of <see cref="Width"/> ×
/// <see cref="Height"/> pixels: resolve rate by turns (bars labelled with their trajectories, r in the title), masked
/// share by rule (horizontal bars), the token histograms (total and trained side by side) and the curriculum stages
/// (stacked by bin). The font is set explicitly: without it ScottPlot asks the system for a default, which
/// differs from machine to machine (DejaVu and Liberation are what the project's machines have).
/// </summary>
public static class StatsCharts
{
    public const int Width = 900;
    public const int Height = 540;
    public const string FontName = "DejaVu Sans";

    public const string ResolveRateTitle = "Resolve rate by turns";
    public const string MaskingTitle = "Masked share of assistant turns by rule";
    public const string TokensTitle = "Tokens per record";
    public const string CurriculumTitle = "Curriculum stages (records)";

    private static readonly Lock FontLock = new();

    /// <summary>Renders the four charts; <see cref="StatsChart.Name"/> is the file name without extension.</summary>
    public static IReadOnlyList<StatsChart> Render(CurationStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        // Fonts.Default is ScottPlot's process-wide setting; plots read it when they are created.
        lock (FontLock)
        {
            Fonts.Default = FontName;
            return
            [
                Image("resolve-rate", ResolveRate(stats.ResolveRate)),
                Image("masked-share", Masking(stats.Masking)),
                Image("tokens", Tokens(stats.Tokens)),
                Image("curriculum", Curriculum(stats.Curriculum)),
            ];
        }
    }

    /// <summary>The resolve-rate chart's title: the unweighted r (the one comparable to the paper) or why there is none.</summary>
    public static string ResolveRateChartTitle(ResolveRateStats rates)
    {
        ArgumentNullException.ThrowIfNull(rates);
        string r = rates.Evaluated == 0 ? "no evaluated trajectories"
            : rates.PearsonUnweighted is { } value ? "r = " + value.ToString("0.00", CultureInfo.InvariantCulture) : "r undefined";
        return $"{ResolveRateTitle} ({r})";
    }

    private static StatsChart Image(string name, Plot plot)
    {
        plot.Font.Set(FontName);
        return new StatsChart(name, plot.Axes.Title.Label.Text, plot.GetImageBytes(Width, Height, ImageFormat.Png), plot.GetSvgXml(Width, Height));
    }

    private static Plot ResolveRate(ResolveRateStats rates)
    {
        var plot = NewPlot(ResolveRateChartTitle(rates), $"assistant turns (buckets of {rates.BucketSize}; bar label: trajectories)", "resolve rate (%)");
        var bars = rates.Buckets.Select((b, i) => new Bar
        {
            Position = i,
            Value = (b.Rate ?? 0) * 100,
            Label = "n=" + StatsTables.Count(b.Trajectories),
            FillColor = Colors.SteelBlue,
        }).ToList();
        plot.Add.Bars(bars);
        Ticks(plot.Axes.Bottom, [.. rates.Buckets.Select(b => $"{b.From}–{b.To}")]);
        plot.Axes.SetLimitsY(0, 110);
        return plot;
    }

    private static Plot Masking(MaskingStats masking)
    {
        var rules = masking.Rules.Where(r => r.Masks).OrderBy(r => r.Turns).ToList();
        var plot = NewPlot(MaskingTitle, "share of all assistant turns (%)", "");
        var bars = plot.Add.Bars(rules.Select((r, i) => new Bar
        {
            Position = i,
            Value = (r.TurnShare ?? 0) * 100,
            Label = StatsTables.Percent(r.TurnShare),
            FillColor = Colors.IndianRed,
        }).ToList());
        bars.Horizontal = true;
        Ticks(plot.Axes.Left, [.. rules.Select(r => r.Rule)]);
        plot.Axes.SetLimitsX(0, Math.Max(10, rules.Select(r => (r.TurnShare ?? 0) * 100).DefaultIfEmpty(0).Max() * 1.2));
        return plot;
    }

    private static Plot Tokens(TokenStats tokens)
    {
        var buckets = StatsTables.TokenBuckets(tokens);
        var plot = NewPlot(TokensTitle, "tokens per record", "records");
        var total = plot.Add.Bars(buckets.Select((b, i) => new Bar { Position = i - 0.2, Value = b.Total, Size = 0.4, FillColor = Colors.SteelBlue }).ToList());
        total.LegendText = "total tokens";
        var trained = plot.Add.Bars(buckets.Select((b, i) => new Bar { Position = i + 0.2, Value = b.Trained, Size = 0.4, FillColor = Colors.DarkOrange }).ToList());
        trained.LegendText = "trained tokens";
        Ticks(plot.Axes.Bottom, [.. buckets.Select(b => StatsTables.TokenRange(b.Bucket))]);
        WholeNumbers(plot.Axes.Left);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    private static Plot Curriculum(IReadOnlyList<CurriculumStage> splits)
    {
        var plot = NewPlot(CurriculumTitle, "stage (trains on bins 1..k)", "records");
        var palette = new ScottPlot.Palettes.Category10();
        for (int bin = 0; bin < splits.Count; bin++)
        {
            int below = bin == 0 ? 0 : splits[bin - 1].Records;
            var segments = splits.Skip(bin).Select(stage => new Bar
            {
                Position = stage.Stage - 1,
                ValueBase = below,
                Value = below + splits[bin].BinRecords,
                FillColor = palette.GetColor(bin),
                Label = stage.Stage - 1 == bin ? StatsTables.Count(stage.Records) : "",
            }).ToList();
            plot.Add.Bars(segments).LegendText = splits[bin].Bin;
        }

        Ticks(plot.Axes.Bottom, [.. splits.Select(s => $"{s.Stage}: {(s.Stage == 1 ? "" : "+")}{s.Bin}")]);
        WholeNumbers(plot.Axes.Left);
        plot.Axes.Margins(bottom: 0);
        if (splits.Count > 0) plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    private static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>Record counts: no 0.2-record ticks when there are few records.</summary>
    private static void WholeNumbers(IAxis axis) => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };

    private static void Ticks(IAxis axis, string[] labels) =>
        axis.SetTicks([.. Enumerable.Range(0, labels.Length).Select(i => (double)i)], labels);
}

/// <summary>One rendered chart: its file name without extension, title, PNG bytes and SVG text.</summary>
public sealed record StatsChart(string Name, string Title, byte[] Png, string Svg);
