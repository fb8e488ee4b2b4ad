using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SweLego.Agent.Trajectories;
using SweLego.Curation.Rendering;
using SweLego.Rollouts;
using SweLego.Rollouts.Audit;
using SweLego.Runs;
using SweLego.Runs.Stages;
using SweLego.Tasks.Harness;

namespace SweLego.Curation;

/// <summary>
/// Curates one trajectory (<see cref="IStageWork{TItem, TWorker, TResult}"/> for the stage runner): reads it, applies
/// the filters in <see cref="CurationFilters"/> order, masks its turns, renders the training conversation and counts its
/// tokens; duplicates are decided in <see cref="Settle"/>, in candidate order, so the result does not depend on --jobs.
/// </summary>
internal sealed class CurationWork(RunFolder run, CurationOptions options, GoldPatches gold, Decontamination decontamination)
    : IStageWork<CurationCandidate, CurationWork.NoWorker, CurationResult>
{
    private readonly Dictionary<string, string> seen = new(StringComparer.Ordinal);

    public StageJournal<CurationResult> Journal { get; } = Records();

    public static StageJournal<CurationResult> Records() => new(CurationStage.Stage, r => r.Key, r => r.Outcome,
        new KeptFile(),
        new StageFile<CurationResult, CandidateDecision>(CurationStage.DroppedFile, r => r.Dropped, CurationResult.Of));

    public string Key(CurationCandidate item) => item.Key;

    public Task<NoWorker> CreateWorkerAsync(int slot, CancellationToken cancellationToken) => Task.FromResult(new NoWorker());

    // CPU-bound: on the thread pool, so the runner's jobs run in parallel.
    public Task<CurationResult> ProcessAsync(CurationCandidate item, NoWorker worker, CancellationToken cancellationToken) =>
        Task.Run(() => Curate(item), cancellationToken);

    public CurationResult Failed(CurationCandidate item, string reason) =>
        CurationResult.Of(Drop(item, null, CurationLabel.Unevaluated, StageOutcomes.Error, reason));

    /// <summary>Drops a kept record whose conversation an earlier one already has; remembers the hashes of kept ones (also those read on resume).</summary>
    public CurationResult Settle(CurationResult result)
    {
        if (result.ContentSha256 is not { } hash) return result;
        if (seen.TryGetValue(hash, out var first) && result.Kept is { } kept)
        {
            return CurationResult.Of(new CandidateDecision
            {
                InstanceId = kept.InstanceId, RolloutId = kept.RolloutId, Repo = kept.Repo, Source = kept.Source, Label = kept.Label,
                LabelSource = kept.LabelSource, Status = kept.Status, Turns = kept.Turns, Filter = CurationFilters.Duplicate,
                Reason = $"the same conversation as {first}", Trajectory = kept.Trajectory,
            });
        }

        seen.TryAdd(hash, result.Key);
        return result;
    }

    /// <summary>Registers what an earlier session kept, so duplicates of it are still caught after a resume.</summary>
    public void Remember(IEnumerable<CurationResult> recorded)
    {
        foreach (var result in recorded)
            if (result.ContentSha256 is { } hash) seen.TryAdd(hash, result.Key);
    }

    private CurationResult Curate(CurationCandidate item)
    {
        Trajectory? trajectory;
        try
        {
            trajectory = TrajectoryStore.Read(Path.Combine(run.DirectoryPath, item.Trajectory));
        }
        catch (RunDataException e)
        {
            return CurationResult.Of(Drop(item, null, CurationLabel.Unevaluated, CurationFilters.Unreadable, e.Message));
        }

        if (trajectory is null) return CurationResult.Of(Drop(item, null, CurationLabel.Unevaluated, CurationFilters.Unreadable, $"{item.Trajectory} is missing"));
        var goldPatch = gold.Find(item.InstanceId);
        var (label, labelReason) = Label(item, goldPatch);
        string? filter = null, reason = null;
        DecontaminationEntry? contamination = decontamination.Match(item.InstanceId, item.RolloutId, trajectory.Repo);
        if (trajectory.Status == RolloutStatus.Running) (filter, reason) = (CurationFilters.Incomplete, "the episode has no end (status running)");
        else if (contamination is not null)
            (filter, reason) = (CurationFilters.Decontaminated, $"its {(contamination.MatchedBy == "repo" ? "repository " + contamination.Repo : "instance id")} is in {contamination.EvaluationSet}");
        else if (HackAudit.Audit(trajectory) is [var flag, ..]) (filter, reason) = (CurationFilters.HackAudit, $"step {flag.Step}: {flag.Rule}: {flag.Command}");
        else if (string.IsNullOrWhiteSpace(item.Patch)) (filter, reason) = (CurationFilters.EmptyPatch, "the final patch is empty");
        else if (trajectory.Status == RolloutStatus.ContextExhausted) (filter, reason) = (CurationFilters.ContextExhausted, trajectory.StatusDetail ?? "the context window was full");
        else if (trajectory.Status == RolloutStatus.ModelError) (filter, reason) = (CurationFilters.ModelError, trajectory.StatusDetail ?? "the model server failed");
        else if (trajectory.Turns > options.MaxTurns) (filter, reason) = (CurationFilters.TurnLimit, $"{trajectory.Turns} turns > {options.MaxTurns}");
        else if (label == CurationLabel.Unevaluated && !options.IncludeUnevaluated) (filter, reason) = (CurationFilters.Unevaluated, labelReason);
        else if (label == CurationLabel.Unresolved) (filter, reason) = (CurationFilters.Unresolved, labelReason);
        if (filter is not null)
            return CurationResult.Of(Drop(item, trajectory, label, filter, reason!) with { Decontamination = contamination });

        try
        {
            return CurationResult.Of(Keep(item, trajectory, label, goldPatch));
        }
        catch (CurationException e)
        {
            return CurationResult.Of(Drop(item, trajectory, label, CurationFilters.Unreadable, $"{item.Trajectory}: {e.Message}"));
        }
    }

    private SftRecord Keep(CurationCandidate item, Trajectory trajectory, CurationLabel label, GoldPatch? goldPatch)
    {
        var decisions = options.Masker(trajectory);
        if (decisions.Count != trajectory.Steps.Count)
            throw new CurationException($"the masking rules gave {decisions.Count} decisions for {trajectory.Steps.Count} steps");
        if (!options.Masking) decisions = [.. decisions.Select(d => d with { Masked = false })];
        var messages = SftConversation.Build(trajectory, decisions);
        var cut = TokenAccounting.Count(messages, options.Tokenizer, options.CutoffLen);
        int turns = SftConversation.AssistantTurns(messages);
        return new SftRecord
        {
            InstanceId = item.InstanceId,
            RolloutId = item.RolloutId,
            Repo = trajectory.Repo,
            Source = item.Source ?? goldPatch?.Source ?? item.Origin,
            Model = item.Model,
            Label = label,
            LabelSource = item.LabelSource ?? "none",
            Status = Status(trajectory),
            Turns = turns,
            Bin = options.Bins.BinOf(turns)?.Name ?? options.Bins.Bins[^1].Name,
            Tokens = cut.Counts,
            Decisions = [.. decisions.Select((d, i) => d with { Tokens = cut.ResponseTokens[i] })],
            Messages = messages,
            ContentSha256 = Hash(messages),
            Trajectory = item.Trajectory,
        };
    }

    private (CurationLabel Label, string Reason) Label(CurationCandidate item, GoldPatch? goldPatch)
    {
        if (item.Resolved is null) return (CurationLabel.Unevaluated, "no evaluation of its patch (run `swelego eval`, or import it with its report)");
        if (item.Resolved == true) return (CurationLabel.Resolved, "resolved");
        if (!options.SemiResolved) return (CurationLabel.Unresolved, "not resolved (semi-resolved recycling is off)");
        if (goldPatch?.Files is not { } goldFiles) return (CurationLabel.Unresolved, "not resolved, and the gold patch is unknown (pass --instances)");
        var touched = PatchPaths.Targets(item.Patch);
        if (touched is null) return (CurationLabel.Unresolved, "not resolved, and its patch names a quoted path");
        return touched.SetEquals(goldFiles)
            ? (CurationLabel.SemiResolved, "semi-resolved")
            : (CurationLabel.Unresolved, $"not resolved; its patch touches {Files(touched)}, the gold patch {Files(goldFiles)}");
    }

    private static string Files(IReadOnlySet<string> files) => files.Count == 0 ? "no file" : string.Join(", ", files.Order(StringComparer.Ordinal));

    private static CandidateDecision Drop(CurationCandidate item, Trajectory? trajectory, CurationLabel label, string filter, string reason) => new()
    {
        InstanceId = item.InstanceId,
        RolloutId = item.RolloutId,
        Repo = trajectory?.Repo ?? "",
        Source = item.Source ?? item.Origin,
        Label = label,
        LabelSource = item.LabelSource ?? "none",
        Status = trajectory is null ? "unknown" : Status(trajectory),
        Turns = trajectory?.Turns ?? 0,
        Filter = filter,
        Reason = reason,
        Trajectory = item.Trajectory,
    };

    private static string Status(Trajectory trajectory) => JsonNamingPolicy.SnakeCaseLower.ConvertName(trajectory.Status.ToString());

    private static string Hash(IReadOnlyList<SftMessage> messages)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var message in messages)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(message.Role));
            hash.AppendData([0]);
            hash.AppendData(Encoding.UTF8.GetBytes(message.Content));
            hash.AppendData([0]);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Curation needs no per-job state; the runner wants a worker all the same.</summary>
    internal sealed class NoWorker : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
