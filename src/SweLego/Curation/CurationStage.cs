using System.Text.Json;
using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Curation;

/// <summary>
/// <c>swelego curate RUN</c> (stage <c>curation</c>): every trajectory of the run (rollouts and imports) through the
/// filters, the masking rules and the token accounting, on the stage runner (parallel, resumable, results in candidate
/// order). Writes <c>kept.jsonl</c> (<see cref="SftRecord"/>), <c>dropped.jsonl</c> (<see cref="CandidateDecision"/>),
/// <c>settings.json</c> and, at the end, <c>report.json</c> (<see cref="CurationReport"/>). A re-run with other settings
/// is refused unless <see cref="CurationOptions.Rerun"/> starts the stage over.
/// </summary>
public static class CurationStage
{
    public const string Stage = "curation";
    public const string KeptFile = "kept.jsonl";
    public const string DroppedFile = "dropped.jsonl";
    public const string ReportFile = "report.json";
    public const string SettingsFile = "settings.json";

    public static async Task<CurationSummary> RunAsync(
        RunFolder run, CurationOptions options, IProgress<StageProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var decontamination = await Decontamination.ReadAsync(options.Decontaminate, cancellationToken);
        var settings = new CurationSettings
        {
            Tokenizer = options.Tokenizer.Name,
            CutoffLen = options.CutoffLen,
            MaxTurns = options.MaxTurns,
            SemiResolved = options.SemiResolved,
            IncludeUnevaluated = options.IncludeUnevaluated,
            Masking = options.Masking,
            MaskingRules = options.MaskingRules,
            MaskingRulesSha256 = options.MaskingRulesSha256,
            Bins = options.Bins.ToString(),
            Decontaminate = decontamination.Describe(),
        };
        if (options.Rerun) Clear(run);
        CheckSettings(run, settings);

        return await run.GuardStageAsync(Stage, async () =>
        {
            run.StartStage(Stage);
            progress?.Report(StageProgress.Starting(Stage, "reading trajectories and instances"));
            var candidates = CurationInputs.Read(run);
            var gold = await GoldPatches.ReadAsync(run, options.Instances, cancellationToken);
            AtomicFile.Replace(run.StagePath(Stage, SettingsFile), JsonSerializer.SerializeToUtf8Bytes(settings, RunJson.IndentedOptions));
            var work = new CurationWork(run, options, gold, decontamination);
            work.Remember(work.Journal.Read(run).Results.Where(r => r.Outcome == StageOutcomes.Kept));
            var ran = await StageRunner.RunAsync(run, work, candidates, new StageRunOptions { Jobs = options.Jobs }, progress, cancellationToken);

            progress?.Report(StageProgress.Starting(Stage, "writing the report"));
            var report = CurationReports.Build(run, settings, candidates.Count);
            AtomicFile.Replace(run.StagePath(Stage, ReportFile), JsonSerializer.SerializeToUtf8Bytes(report, RunJson.IndentedOptions));
            run.UpdateStage(Stage, s => s.WithOutput(run.RelativePath(run.StagePath(Stage, KeptFile))));
            run.CompleteStage(Stage);
            return new CurationSummary(ran, report, gold.Problems);
        });
    }

    /// <summary>The report of a curated run.</summary>
    /// <exception cref="RunDataException">The run has not been curated (says how to do it).</exception>
    public static CurationReport ReadReport(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string path = run.StagePath(Stage, ReportFile);
        if (!File.Exists(path))
            throw new RunDataException($"{run.DirectoryPath} has no curation report ({run.RelativePath(path)}): run `swelego curate {run.DirectoryPath}` first.");
        return JsonSerializer.Deserialize<CurationReport>(File.ReadAllBytes(path), RunJson.Options)
            ?? throw new RunDataException($"{path}: not a curation report");
    }

    private static void CheckSettings(RunFolder run, CurationSettings settings)
    {
        string path = run.StagePath(Stage, SettingsFile);
        if (!File.Exists(path)) return;
        var before = JsonSerializer.Deserialize<CurationSettings>(File.ReadAllBytes(path), RunJson.Options);
        string was = JsonSerializer.Serialize(before, RunJson.Options), now = JsonSerializer.Serialize(settings, RunJson.Options);
        if (was == now) return;
        var changed = Differences(JsonDocument.Parse(was).RootElement, JsonDocument.Parse(now).RootElement);
        throw new ArgumentException(
            $"{run.RelativePath(path)} was curated with other settings ({string.Join("; ", changed)}): add --rerun to curate again from the start.");
    }

    private static List<string> Differences(JsonElement was, JsonElement now)
    {
        var names = was.EnumerateObject().Select(p => p.Name).Union(now.EnumerateObject().Select(p => p.Name));
        return [.. names.Select(n => (n, a: was.TryGetProperty(n, out var x) ? x.GetRawText() : "none", b: now.TryGetProperty(n, out var y) ? y.GetRawText() : "none"))
            .Where(d => d.a != d.b).Select(d => $"{d.n}: {d.a} → {d.b}")];
    }

    private static void Clear(RunFolder run)
    {
        foreach (string file in (string[])[KeptFile, DroppedFile, ReportFile, SettingsFile])
        {
            string path = run.StagePath(Stage, file);
            if (File.Exists(path)) File.Delete(path);
        }
    }
}

/// <summary>What a curation session did: the runner's summary, the report, and instance files or rows that could not be read.</summary>
public sealed record CurationSummary(StageRunSummary Ran, CurationReport Report, IReadOnlyList<string> Problems);
