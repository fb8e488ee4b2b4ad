using SweLego.Curation;
using SweLego.Curation.Stats;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Curation.Stats;

/// <summary>A run folder with curation output written the way the curation stage writes it (JsonlWriter, AtomicFile).</summary>
internal sealed class CurationRun : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-stats-");

    public CurationRun() => Run = RunFolder.Create(_temp.Combine("run"));

    public RunFolder Run { get; }

    public string CurationDirectory => Run.StageDirectory(CurationStage.Stage);

    public string Combine(params string[] parts) => _temp.Combine(parts);

    /// <summary>Writes kept.jsonl (always, possibly empty), dropped.jsonl and report.json when given.</summary>
    public CurationRun Write(IEnumerable<SftRecord> kept, IEnumerable<CandidateDecision>? dropped = null, CurationReport? report = null)
    {
        using (var writer = Run.OpenJsonlWriter<SftRecord>(CurationStage.Stage, CurationStage.KeptFile))
            foreach (var record in kept) writer.Append(record);
        if (dropped is not null)
        {
            using var writer = Run.OpenJsonlWriter<CandidateDecision>(CurationStage.Stage, CurationStage.DroppedFile);
            foreach (var record in dropped) writer.Append(record);
        }

        if (report is not null) AtomicFile.WriteJson(Run.StagePath(CurationStage.Stage, CurationStage.ReportFile), report);
        return this;
    }

    public CurationStats Stats(int bucketSize = CurationStatsBuilder.DefaultBucketSize) => CurationStatsBuilder.Build(CurationDirectory, bucketSize);

    /// <summary>A kept record with a real conversation (system, then a user/assistant pair per turn) and a clean decision per turn unless given.</summary>
    public static SftRecord Kept(string id, int turns, CurationLabel label, string bin = "easy", TokenCounts? tokens = null,
        IReadOnlyList<TurnDecision>? decisions = null, string labelSource = "swelego eval")
    {
        var messages = new List<SftMessage> { new(SftMessage.System, "You are a software engineer. Fix the issue.") };
        for (int turn = 1; turn <= turns; turn++)
        {
            messages.Add(new SftMessage(SftMessage.User, turn == 1 ? "The tests in tests/test_core.py fail." : $"[Command finished with exit code 0] step {turn}"));
            messages.Add(new SftMessage(SftMessage.Assistant, $"<function=execute_bash><parameter=command>pytest -q tests/test_core.py -k case{turn}</parameter></function>") { TurnMask = false });
        }

        return new SftRecord
        {
            InstanceId = id,
            ContentSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\0', messages.Select(m => m.Content))))),
            RolloutId = "0",
            Repo = "owner/tally",
            Source = "synthetic",
            Model = "teacher",
            Label = label,
            LabelSource = labelSource,
            Status = "finished",
            Turns = turns,
            Bin = bin,
            Tokens = tokens ?? new TokenCounts(100L * turns, 40L * turns, 0, 0),
            Decisions = decisions ?? [.. Enumerable.Range(1, turns).Select(t => new TurnDecision(t, false, TurnDecision.Clean))],
            Messages = messages,
        };
    }

    public static CandidateDecision Dropped(string id, int turns, CurationLabel label, string filter, string labelSource = "swelego eval") => new()
    {
        InstanceId = id,
        RolloutId = "0",
        Repo = "owner/tally",
        Source = "real",
        Label = label,
        LabelSource = labelSource,
        Status = "finished",
        Turns = turns,
        Filter = filter,
        Reason = $"dropped by {filter}",
    };

    public static CurationReport Report(IReadOnlyList<RuleCount> rules, string bins = "easy:50,medium:70,hard:100") => new()
    {
        Settings = new CurationSettings { Tokenizer = "tokenizer.json", MaskingRules = "built-in", MaskingRulesSha256 = new string('0', 64), Bins = bins },
        Candidates = 0,
        Kept = 0,
        Filters = [],
        Labels = new Dictionary<string, int>(),
        LabelSources = new Dictionary<string, int>(),
        Sources = new Dictionary<string, int>(),
        Tokens = TokenCounts.Zero,
        TruncatedRecords = 0,
        AssistantTurns = rules.Sum(r => r.Turns),
        MaskedTurns = rules.Where(r => r.Masks).Sum(r => r.Turns),
        Rules = rules,
        TurnHistogram = [],
        Curriculum = [],
        Decontaminated = [],
    };

    public void Dispose() => _temp.Dispose();
}
