using SweLego.Evaluation.Inputs;
using SweLego.Runs.Stages;

namespace SweLego.Evaluation;

/// <summary>
/// The evaluation's "grade one" for the stage runner: an item is a prediction paired with its
/// instance, a worker an <see cref="EvaluationWorker"/> (its sandboxes), a result one line of
/// results.jsonl. A prediction whose instance could not be read is settled as an error naming why.
/// </summary>
internal sealed class EvaluationWork(InstanceEvaluator evaluator, EvaluationKeys keys, EvaluationWorkers workers, IReadOnlyList<EvaluationRecord> settled)
    : IStageWork<MatchedPrediction, EvaluationWorker, EvaluationRecord>
{
    public StageJournal<EvaluationRecord> Journal { get; } = Records(evaluator.Stage);

    public IReadOnlyList<EvaluationRecord> Settled => settled;

    public static StageJournal<EvaluationRecord> Records(string stage) => new(stage, r => r.Key, Outcome,
        new StageFile<EvaluationRecord, EvaluationRecord>(EvaluationStage.ResultsFile, r => r, r => r));

    /// <summary>
    /// <c>resolved</c>, <c>unresolved</c>, <c>empty_patch</c>, or <c>error:&lt;kind&gt;</c> for the harness's errors. A sandbox
    /// that failed (the environment did not start, the sandbox died) is the runner's <see cref="StageOutcomes.Error"/>:
    /// tried again at once in a fresh sandbox, and again on resume.
    /// </summary>
    public static string Outcome(EvaluationRecord record) => record.Verdict switch
    {
        EvaluationVerdict.Resolved => "resolved",
        EvaluationVerdict.Unresolved => "unresolved",
        EvaluationVerdict.EmptyPatch => "empty_patch",
        _ when record.ErrorKind is null or EvaluationErrorKind.Infrastructure => StageOutcomes.Error,
        _ => "error:" + System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(record.ErrorKind.Value.ToString()),
    };

    public string Key(MatchedPrediction item) => keys.Key(item.Prediction);

    public Task<EvaluationWorker> CreateWorkerAsync(int slot, CancellationToken cancellationToken) => Task.FromResult(workers.Create(slot));

    public Task<EvaluationRecord> ProcessAsync(MatchedPrediction item, EvaluationWorker worker, CancellationToken cancellationToken) =>
        evaluator.EvaluateAsync(item, keys.Rollout(item.Prediction), worker, cancellationToken);

    public EvaluationRecord Failed(MatchedPrediction item, string reason) =>
        evaluator.NewRecord(item, keys.Rollout(item.Prediction)) with { Verdict = EvaluationVerdict.Error, ErrorKind = EvaluationErrorKind.Infrastructure, Error = reason };
}
