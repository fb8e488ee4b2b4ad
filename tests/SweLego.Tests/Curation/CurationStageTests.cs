using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Agent.Trajectories;
using SweLego.Benchmarking;
using SweLego.Curation;
using SweLego.Curation.Masking;
using SweLego.Curation.Rendering;
using SweLego.Evaluation;
using SweLego.Rollouts;
using SweLego.Runs;
using SweLego.Tests.TestSupport;
using SweLego.Tokenization;

namespace SweLego.Tests.Curation;

/// <summary>The whole stage on a generated run (real trajectories' shape, the real Qwen3 tokenizer, the default rules).</summary>
public sealed class CurationStageTests : IDisposable
{
    private static readonly Lazy<HuggingFaceTokenizer> Qwen = new(() => HuggingFaceTokenizer.Load(HuggingFaceReference.TokenizerPath));

    private readonly TempDirectory temp = new();

    private readonly RunFolder run;

    public CurationStageTests()
    {
        run = RunFolder.OpenOrCreate(temp.Combine("run"));
        CurationCorpus.Generate(run, 24, seed: 7, null, CancellationToken.None);
    }

    public void Dispose() => temp.Dispose();

    private static CurationOptions Options(string run, int cutoff = 131_072, bool semi = true, IReadOnlyList<string>? decontaminate = null, bool rerun = false) => new()
    {
        Tokenizer = Qwen.Value,
        Masker = new StepMasker(MaskingRules.Default).Decide,
        MaskingRules = MaskingRules.Default.Source,
        MaskingRulesSha256 = MaskingRules.Default.ContentHash,
        CutoffLen = cutoff,
        SemiResolved = semi,
        Decontaminate = decontaminate ?? [],
        Instances = [Path.Combine(run, CurationCorpus.InstancesFile)],
        Jobs = 2,
        Rerun = rerun,
    };

    private string TrajectoryPath(string instance, string rollout = "0") => new TrajectoryStore(run, RolloutStage.Stage).PathOf(instance, rollout);

    private Trajectory Read(string instance, string rollout = "0") => TrajectoryStore.Read(TrajectoryPath(instance, rollout))!;

    private void Write(Trajectory trajectory) =>
        File.WriteAllBytes(TrajectoryPath(trajectory.InstanceId, trajectory.RolloutId), JsonSerializer.SerializeToUtf8Bytes(trajectory, RunJson.Options));

    private List<RolloutRecord> Rollouts() => [.. RolloutWork.Records(RolloutStage.Stage).Read(run).Results];

    private List<EvaluationRecord> Verdicts() => [.. EvaluationWork.Records(EvaluationStage.Stage).Read(run).Results];

    private List<SftRecord> Kept() => [.. JsonlReader.Read<SftRecord>(run.StagePath(CurationStage.Stage, CurationStage.KeptFile), RunJson.Options)];

    private List<CandidateDecision> Dropped() => [.. JsonlReader.Read<CandidateDecision>(run.StagePath(CurationStage.Stage, CurationStage.DroppedFile), RunJson.Options)];

    [Fact]
    public async Task RunAsync_EveryFilter_DropsWhatItShouldAndTheCountsAddUp()
    {
        var ids = Rollouts().Select(r => r.InstanceId).Order(StringComparer.Ordinal).ToList();
        var verdicts = Verdicts().ToDictionary(v => v.InstanceId);
        string resolved = ids.First(id => verdicts[id].Verdict == EvaluationVerdict.Resolved);
        // Edge cases on trajectories the evaluation resolved, so only the filter under test can drop them.
        var picks = ids.Where(id => verdicts[id].Verdict == EvaluationVerdict.Resolved && id != resolved).Take(6).ToList();
        var (running, hacker, exhausted, broken, empty, contaminated) = (picks[0], picks[1], picks[2], picks[3], picks[4], picks[5]);
        Write(Read(running) with { Status = RolloutStatus.Running });
        Write(Read(exhausted) with { Status = RolloutStatus.ContextExhausted, StatusDetail = "the next request would not fit" });
        var hack = Read(hacker);
        var step = hack.Steps[0] with { Call = new StepCall("execute_bash", new JsonObject { ["command"] = "git log --all --oneline" }) };
        Write(hack with { Steps = [step, .. hack.Steps.Skip(1)] });
        File.WriteAllText(TrajectoryPath(broken), "{\"v\": 1, \"instance_id\": ");
        // A second rollout with the same conversation as `resolved`, and one of `empty` with no patch.
        File.Copy(TrajectoryPath(resolved), TrajectoryPath(resolved, "1"));
        using (var writer = run.OpenJsonlWriter<RolloutRecord>(RolloutStage.Stage, RolloutStage.RolloutsFile))
        {
            var original = Rollouts().First(r => r.InstanceId == resolved);
            writer.Append(original with { RolloutId = "1", Trajectory = run.RelativePath(TrajectoryPath(resolved, "1")) });
        }

        using (var writer = run.OpenJsonlWriter<EvaluationRecord>(EvaluationStage.Stage, EvaluationStage.ResultsFile))
            writer.Append(verdicts[resolved] with { RolloutId = "1", Key = EvaluationKeys.Key(resolved, "1") });
        RewriteRollout(empty, r => r with { ModelPatch = "" });
        string evaluationSet = temp.Combine("verified.jsonl");
        File.WriteAllText(evaluationSet, JsonSerializer.Serialize(new JsonObject
        {
            ["instance_id"] = "other__thing-1", ["repo"] = Read(contaminated).Repo, ["base_commit"] = "0", ["patch"] = "", ["problem_statement"] = "x",
            ["FAIL_TO_PASS"] = "[]", ["PASS_TO_PASS"] = "[]", ["version"] = "1",
        }) + "\n");

        var summary = await CurationStage.RunAsync(run, Options(run.DirectoryPath, decontaminate: [evaluationSet]));

        var report = summary.Report;
        var dropped = Dropped().ToDictionary(d => d.Key);
        Assert.Equal(CurationFilters.Incomplete, dropped[$"{running}#0"].Filter);
        Assert.Equal(CurationFilters.HackAudit, dropped[$"{hacker}#0"].Filter);
        Assert.Contains("git-all-refs", dropped[$"{hacker}#0"].Reason, StringComparison.Ordinal);
        Assert.Equal(CurationFilters.ContextExhausted, dropped[$"{exhausted}#0"].Filter);
        Assert.Equal(CurationFilters.Unreadable, dropped[$"{broken}#0"].Filter);
        Assert.Equal(CurationFilters.EmptyPatch, dropped[$"{empty}#0"].Filter);
        Assert.Equal(CurationFilters.Duplicate, dropped[$"{resolved}#1"].Filter);
        Assert.Equal($"the same conversation as {resolved}#0", dropped[$"{resolved}#1"].Reason);
        var repo = Read(contaminated).Repo;
        Assert.All(report.Decontaminated, d => Assert.Equal(repo, d.Repo));
        Assert.Contains(report.Decontaminated, d => d.InstanceId == contaminated && d.MatchedBy == "repo" && d.EvaluationSet == "verified.jsonl");

        var kept = Kept();
        Assert.Equal(report.Candidates, report.Kept + report.Filters.Sum(f => f.Dropped));
        Assert.Equal(ids.Count + 1, report.Candidates);
        Assert.Equal(kept.Count, report.Kept);
        foreach (var record in kept)
        {
            var verdict = verdicts[record.InstanceId];
            Assert.Equal(verdict.Verdict == EvaluationVerdict.Resolved ? CurationLabel.Resolved : CurationLabel.SemiResolved, record.Label);
            Assert.Equal(record.Turns, record.Messages.Count(m => m.Role == SftMessage.Assistant));
            Assert.Equal(record.Decisions.Count(d => d.Masked), record.Messages.Count(m => m.TurnMask == true));
            Assert.Equal(record.Turns <= 50 ? "easy" : record.Turns <= 70 ? "medium" : "hard", record.Bin);
            Assert.Equal(record.Tokens.Trained + record.Tokens.Masked, record.Decisions.Sum(d => (long)d.Tokens!.Value));
        }

        Assert.Contains(kept, r => r.Label == CurationLabel.SemiResolved);
        Assert.Contains(Dropped(), d => d.Filter == CurationFilters.Unresolved && d.Reason.Contains("the gold patch src/module", StringComparison.Ordinal));
        Assert.Equal(kept.Aggregate(TokenCounts.Zero, (s, r) => s.Add(r.Tokens)), report.Tokens);
        Assert.Equal(kept.Sum(r => r.Decisions.Count(d => d.Masked)), report.MaskedTurns);
        Assert.True(report.MaskedTurns > 0, "the generated trajectories have failing commands and editor errors");
        Assert.Equal(report.Kept, report.Curriculum[^1].Records);
    }

    [Fact]
    public async Task RunAsync_TokenTotals_EqualTheRustTokenizerOnTheRenderedElements()
    {
        await CurationStage.RunAsync(run, Options(run.DirectoryPath));
        var record = Kept().OrderBy(r => r.Tokens.Total).First();

        var elements = new List<string>();
        for (int i = 1, turn = 0; i < record.Messages.Count; i += 2, turn++)
        {
            elements.AddRange(Qwen3NoThinkTemplate.PromptElements(turn, record.Messages[0].Content, record.Messages[i].Content));
            elements.Add(Qwen3NoThinkTemplate.ResponseElement(record.Messages[i + 1].Content));
        }

        var reference = await HuggingFaceReference.EncodeAsync(elements);
        Assert.Equal(reference.Sum(ids => (long)ids.Length), record.Tokens.Total);
        Assert.Equal(0, record.Tokens.Truncated);
    }

    [Fact]
    public async Task RunAsync_SmallCutoff_CutsEveryRecordTheWayTheTrainerDoes()
    {
        const int cutoff = 4_000;
        await CurationStage.RunAsync(run, Options(run.DirectoryPath, cutoff: cutoff));

        foreach (var record in Kept())
        {
            Assert.Equal(cutoff, record.Tokens.Total);
            var pairs = TokenAccounting.Pairs(record.Messages, Qwen.Value);
            Assert.Equal(pairs.Sum(p => (long)p.Prompt + p.Response) - cutoff, record.Tokens.Truncated);
            // Turns after the one that crosses the limit have nothing left.
            Assert.Contains(record.Decisions, d => d.Tokens == 0);
        }
    }

    [Fact]
    public async Task RunAsync_CutFilesAfterACrash_ResumesToTheSameFiles()
    {
        await CurationStage.RunAsync(run, Options(run.DirectoryPath));
        string keptPath = run.StagePath(CurationStage.Stage, CurationStage.KeptFile);
        string droppedPath = run.StagePath(CurationStage.Stage, CurationStage.DroppedFile);
        byte[] kept = File.ReadAllBytes(keptPath), dropped = File.ReadAllBytes(droppedPath);
        string report = File.ReadAllText(run.StagePath(CurationStage.Stage, CurationStage.ReportFile));
        File.WriteAllLines(keptPath, File.ReadLines(keptPath).Take(3).ToList());
        File.AppendAllText(keptPath, "{\"v\":1,\"instance_id\":\"torn");
        File.WriteAllLines(droppedPath, File.ReadLines(droppedPath).Take(1).ToList());
        File.Delete(run.StagePath(CurationStage.Stage, CurationStage.ReportFile));

        var again = await CurationStage.RunAsync(run, Options(run.DirectoryPath));

        Assert.Equal(kept, File.ReadAllBytes(keptPath));
        Assert.Equal(dropped, File.ReadAllBytes(droppedPath));
        Assert.Equal(report, File.ReadAllText(run.StagePath(CurationStage.Stage, CurationStage.ReportFile)));
        Assert.Equal(3 + 1, again.Ran.Skipped);
    }

    [Fact]
    public async Task RunAsync_OtherSettings_AreRefusedUntilRerun()
    {
        await CurationStage.RunAsync(run, Options(run.DirectoryPath));

        var e = await Assert.ThrowsAsync<ArgumentException>(() => CurationStage.RunAsync(run, Options(run.DirectoryPath, semi: false)));
        Assert.Contains("semi_resolved: true → false", e.Message, StringComparison.Ordinal);
        Assert.Contains("--rerun", e.Message, StringComparison.Ordinal);

        var summary = await CurationStage.RunAsync(run, Options(run.DirectoryPath, semi: false, rerun: true));
        Assert.DoesNotContain(Kept(), r => r.Label == CurationLabel.SemiResolved);
        Assert.Equal(0, summary.Ran.Skipped);
    }

    [Fact]
    public async Task RunAsync_RunWithoutTrajectories_SaysWhatToRunFirst()
    {
        var empty = RunFolder.OpenOrCreate(temp.Combine("empty"));

        var e = await Assert.ThrowsAsync<RunDataException>(() => CurationStage.RunAsync(empty, Options(empty.DirectoryPath)));

        Assert.Contains("swelego rollout", e.Message, StringComparison.Ordinal);
        Assert.Contains("swelego import", e.Message, StringComparison.Ordinal);
    }

    private void RewriteRollout(string instance, Func<RolloutRecord, RolloutRecord> change)
    {
        var records = Rollouts().Select(r => r.InstanceId == instance ? change(r) : r).ToList();
        File.Delete(run.StagePath(RolloutStage.Stage, RolloutStage.RolloutsFile));
        using var writer = run.OpenJsonlWriter<RolloutRecord>(RolloutStage.Stage, RolloutStage.RolloutsFile);
        foreach (var record in records) writer.Append(record);
    }
}
