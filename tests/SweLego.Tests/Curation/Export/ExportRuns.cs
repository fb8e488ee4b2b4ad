using SweLego.Curation;
using SweLego.Runs;

namespace SweLego.Tests.Curation.Export;

/// <summary>Curation output written the way the curate stage writes it (kept.jsonl through JsonlWriter, report.json through AtomicFile).</summary>
internal static class ExportRuns
{
    /// <summary>Small bins so a few short records fill all three.</summary>
    public const string Bins = "easy:2,medium:4,hard:6";

    /// <summary>system, task, then <paramref name="masks"/>.Length assistant turns with an observation between each two.</summary>
    public static SftRecord Record(string instance, string bin, params bool[] masks)
    {
        var messages = new List<SftMessage> { new(SftMessage.System, "You are a software agent."), new(SftMessage.User, $"Fix the bug in {instance}.") };
        for (int turn = 1; turn <= masks.Length; turn++)
        {
            if (turn > 1) messages.Add(new SftMessage(SftMessage.User, $"observation {turn - 1}"));
            messages.Add(new SftMessage(SftMessage.Assistant, $"action {turn}") { TurnMask = masks[turn - 1] });
        }

        return new SftRecord
        {
            InstanceId = instance,
            ContentSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\0', messages.Select(m => m.Content))))),
            RolloutId = "0",
            Repo = "acme/tally",
            Source = "synthetic",
            Model = "teacher",
            Label = CurationLabel.Resolved,
            LabelSource = "swelego eval",
            Status = "finished",
            Turns = masks.Length,
            Bin = bin,
            Tokens = new TokenCounts(100 * masks.Length, 10 * masks.Count(m => !m), 10 * masks.Count(m => m), 0),
            Decisions = masks.Select((m, i) => new TurnDecision(i + 1, m, m ? "command-not-found" : TurnDecision.Clean, m ? "bash: foo: command not found" : null)).ToList(),
            Messages = messages,
        };
    }

    /// <summary>Five records: two easy, two medium, one hard; some turns masked.</summary>
    public static IReadOnlyList<SftRecord> Sample() =>
    [
        Record("acme__tally-1", "easy", false),
        Record("acme__tally-2", "easy", true, false),
        Record("acme__tally-3", "medium", false, true, false),
        Record("acme__tally-4", "medium", false, false, false, false),
        Record("acme__tally-5", "hard", true, false, true, false, false),
    ];

    public static CurationReport Report(int kept) => new()
    {
        Settings = new CurationSettings
        {
            Tokenizer = "Qwen/Qwen3-8B tokenizer.json",
            MaskingRules = "built-in",
            MaskingRulesSha256 = "0123abcd",
            Bins = Bins,
            Decontaminate = ["verified.parquet"],
        },
        Candidates = kept + 7,
        Kept = kept,
        Filters = CurationFilters.All.Select(f => new FilterCount(f.Id, f.Meaning, f.Id == CurationFilters.HackAudit ? 3 : f.Id == CurationFilters.Decontaminated ? 1 : f.Id == CurationFilters.Unresolved ? 3 : 0)).ToList(),
        Labels = new Dictionary<string, int> { ["resolved"] = kept },
        LabelSources = new Dictionary<string, int> { ["swelego eval"] = kept },
        Sources = new Dictionary<string, int> { ["synthetic"] = kept },
        Tokens = new TokenCounts(1500, 100, 40, 12),
        TruncatedRecords = 1,
        AssistantTurns = 15,
        MaskedTurns = 4,
        Rules = [new RuleCount(TurnDecision.Clean, false, 11, 110), new RuleCount("command-not-found", true, 4, 40)],
        TurnHistogram = [new HistogramBucket(1, 10, kept)],
        Curriculum =
        [
            new CurriculumStage(1, "easy", 1, 2, 2, new TokenCounts(300, 20, 10, 0), 2, new TokenCounts(300, 20, 10, 0)),
            new CurriculumStage(2, "medium", 3, 4, 2, new TokenCounts(700, 50, 10, 0), 4, new TokenCounts(1000, 70, 20, 0)),
            new CurriculumStage(3, "hard", 5, 6, 1, new TokenCounts(500, 30, 20, 12), 5, new TokenCounts(1500, 100, 40, 12)),
        ],
        Decontaminated = [new DecontaminationEntry("django__django-11099", "0", "django/django", "repo", "verified.parquet")],
    };

    public static RunFolder Create(string directory, IEnumerable<SftRecord> records)
    {
        var run = RunFolder.Create(directory);
        int kept = 0;
        using (var writer = run.OpenJsonlWriter<SftRecord>("curation", "kept.jsonl"))
        {
            foreach (var record in records)
            {
                writer.Append(record);
                kept++;
            }
        }

        AtomicFile.WriteJson(run.StagePath("curation", "report.json"), Report(kept));
        return run;
    }
}
