using System.Globalization;
using System.Text;

namespace SweLego.Curation.Export;

/// <summary>
/// The dataset card every export writes (<c>README.md</c> for parquet, after its front matter; <c>DATASET_CARD.md</c>
/// otherwise): how the set was made and what the trainer will see — counts per filter, labels and how they were
/// obtained, token totals, masked share by rule, the turn-count histogram, the curriculum split, the decontamination
/// list, the tokenizer/template/cutoff — from the curation report, plus what this export wrote and refused.
/// </summary>
public static class DatasetCard
{
    public static string Render(CurationReport report, ExportSummary export, string? frontMatter = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(export);
        var settings = report.Settings;
        var card = new Card(frontMatter);
        card.Line($"# {export.Name}");
        card.Line();
        card.Line($"Software-engineering agent trajectories for supervised fine-tuning, curated by SweLego (`swelego curate`) and exported as `{export.Format}` (`swelego export`). " +
            "Each record is one trajectory: a system prompt, then user messages (the task, then each tool's output) alternating with assistant turns. " +
            "Every assistant turn stays in the context; a masked turn (its action produced an error) gets no loss.");
        card.Line();
        card.Line("## Export");
        card.Line();
        card.Line($"{export.Records} records written of {export.Read} read from `curation/kept.jsonl`; {export.Rejected.Count} refused by LLaMA-Factory's loader rules; " +
            $"{export.SkippedUnevaluated} without an evaluation label left out{(settings.IncludeUnevaluated ? "" : " (curated without --include-unevaluated)")}.");
        card.Line();
        card.Table(["file", "records"], export.Files.Where(f => f.Records is not null).Select(f => new[] { $"`{f.Path}`", Number(f.Records!.Value) }));
        if (export.Rejected.Count > 0)
        {
            card.Line();
            card.Table(["refused record", "reason"], export.Rejected.Select(r => new[] { r.Key, r.Reason }));
        }

        card.Line();
        card.Line("## Tokens");
        card.Line();
        card.Line($"Counted with `{settings.Tokenizer}`, chat template `{settings.Template}`, cut at `cutoff_len` {Number(settings.CutoffLen)} the way LLaMA-Factory cuts " +
            "(the turn that crosses the limit is shortened, later turns dropped), so these are the tokens the trainer sees.");
        card.Line();
        var tokens = report.Tokens;
        card.Table(["total", "trained", "masked", "prompt", "truncated", "records cut"],
            [[Number(tokens.Total), Number(tokens.Trained), Number(tokens.Masked), Number(tokens.Total - tokens.Trained - tokens.Masked), Number(tokens.Truncated), Number(report.TruncatedRecords)]]);
        card.Line();
        card.Line("## Filters");
        card.Line();
        card.Line($"{Number(report.Candidates)} trajectories considered, {Number(report.Kept)} kept. The first filter that applies drops a trajectory:");
        card.Line();
        card.Table(["filter", "meaning", "dropped"], report.Filters.Select(f => new[] { $"`{f.Id}`", f.Meaning, Number(f.Dropped) }));
        card.Line();
        card.Line($"Settings: max turns {settings.MaxTurns}, semi-resolved recycling {OnOff(settings.SemiResolved)}, unevaluated included {OnOff(settings.IncludeUnevaluated)}, " +
            $"error masking {OnOff(settings.Masking)} (rules: {settings.MaskingRules}, sha256 {settings.MaskingRulesSha256}).");
        card.Line();
        card.Line("## Labels");
        card.Line();
        card.Table(["label", "records"], report.Labels.Select(kv => new[] { $"`{kv.Key}`", Number(kv.Value) }));
        card.Line();
        card.Line("How the labels were obtained:");
        card.Line();
        card.Table(["label source", "records"], report.LabelSources.Select(kv => new[] { kv.Key, Number(kv.Value) }));
        card.Line();
        card.Table(["source", "records"], report.Sources.Select(kv => new[] { $"`{kv.Key}`", Number(kv.Value) }));
        card.Line();
        card.Line("## Error masking");
        card.Line();
        card.Line($"{Number(report.MaskedTurns)} of {Number(report.AssistantTurns)} assistant turns masked ({Percent(report.MaskedTurns, report.AssistantTurns)}). " +
            "Every turn's decision names its rule (a mask rule, an exemption when the command ran tests or a reproduction script, or `clean`):");
        card.Line();
        long assistantTokens = report.Rules.Sum(r => r.Tokens);
        card.Table(["rule", "masks", "turns", "share of turns", "tokens", "share of assistant tokens"], report.Rules.Select(r => new[]
        {
            $"`{r.Rule}`", r.Masks ? "yes" : "no", Number(r.Turns), Percent(r.Turns, report.AssistantTurns), Number(r.Tokens), Percent(r.Tokens, assistantTokens),
        }));
        card.Line();
        card.Line("## Turns");
        card.Line();
        card.Line("Records by assistant-turn count (a turn is one assistant message):");
        card.Line();
        card.Table(["turns", "records"], report.TurnHistogram.Select(b => new[] { $"{b.From}–{b.To}", Number(b.Count) }));
        card.Line();
        card.Line("## Curriculum");
        card.Line();
        card.Line($"Bins `{settings.Bins}` by assistant turns; stage k trains on bins 1..k (cumulative).");
        card.Line();
        card.Table(["stage", "bin", "turns", "bin records", "stage records", "stage tokens trained"], report.Curriculum.Select(s => new[]
        {
            s.Stage.ToString(CultureInfo.InvariantCulture), $"`{s.Bin}`", $"{s.MinTurns}–{s.MaxTurns}", Number(s.BinRecords), Number(s.Records), Number(s.Tokens.Trained),
        }));
        card.Line();
        card.Line("## Decontamination");
        card.Line();
        if (settings.Decontaminate.Count == 0) card.Line("No evaluation set was given (`swelego curate --decontaminate`); nothing was checked.");
        else
        {
            card.Line($"Evaluation sets: {string.Join(", ", settings.Decontaminate.Select(d => $"`{d}`"))}. {report.Decontaminated.Count} trajectories left out because a set contains their repository or instance:");
            card.Line();
            card.Table(["instance", "rollout", "repository", "matched by", "evaluation set"],
                report.Decontaminated.Select(d => new[] { d.InstanceId, d.RolloutId, d.Repo, d.MatchedBy, d.EvaluationSet }));
        }

        return card.ToString();
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Percent(long part, long whole) =>
        whole == 0 ? "–" : (100.0 * part / whole).ToString("F1", CultureInfo.InvariantCulture) + " %";

    private static string OnOff(bool on) => on ? "on" : "off";

    private sealed class Card(string? frontMatter)
    {
        private readonly StringBuilder text = new(frontMatter);

        public void Line(string line = "") => text.Append(line).Append('\n');

        public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
        {
            Line("| " + string.Join(" | ", header) + " |");
            Line("|" + string.Concat(header.Select(_ => " --- |")));
            foreach (var row in rows) Line("| " + string.Join(" | ", row.Select(Cell)) + " |");
        }

        // A table cell is one line, and a '|' would start the next cell.
        private static string Cell(string value) => value.ReplaceLineEndings(" ").Replace("|", "\\|", StringComparison.Ordinal);

        public override string ToString() => text.ToString();
    }
}
