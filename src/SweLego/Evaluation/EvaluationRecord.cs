using SweLego.Evaluation.Metrics;
using SweLego.Runs;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>
/// One graded prediction: a line of <c>evaluation/results.jsonl</c>. The harness's own files for it
/// (report.json, test_output.txt, patch.diff, eval.sh, run_instance.log) are in <see cref="Folder"/>.
/// </summary>
public sealed record EvaluationRecord : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    /// <summary>The stage's key of the prediction: the instance id, plus <c>#rollout</c> when it has one.</summary>
    public required string Key { get; init; }

    public required string InstanceId { get; init; }

    public string? RolloutId { get; init; }

    public required string Repo { get; init; }

    /// <summary><c>real</c>, <c>synthetic</c>, or the dataset the instance came from.</summary>
    public required string Source { get; init; }

    public required string ModelNameOrPath { get; init; }

    public required EvaluationVerdict Verdict { get; init; }

    /// <summary>FULL, PARTIAL or NO when the prediction was graded.</summary>
    public ResolutionStatus? Resolution { get; init; }

    /// <summary>The harness version whose rules graded it (<c>4.0.4</c>, <c>5.0.2</c>).</summary>
    public required string Harness { get; init; }

    /// <summary>Why the prediction is an error (the harness would have written no report), in one line.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// SweLego's own diagnosis of an infrastructure failure (the environment did not start, the sandbox
    /// died, a collection crash the environment caused), beside the verdict: it never changes it.
    /// </summary>
    public string? Diagnosis { get; init; }

    /// <summary>5.0.2's advisory guess at an infrastructure cause, as its report.json and run report carry it.</summary>
    public InfraFailure? InfraFailure { get; init; }

    /// <summary>The command of the harness's cascade that applied the model patch; null when none did.</summary>
    public string? AppliedWith { get; init; }

    /// <summary>Why it is an error; null unless <see cref="Verdict"/> is <see cref="EvaluationVerdict.Error"/>.</summary>
    public EvaluationErrorKind? ErrorKind { get; init; }

    /// <summary>True when an infrastructure failure made the evaluator run the prediction a second time.</summary>
    public bool Retried { get; init; }

    /// <summary>The prediction's folder, relative to the run folder.</summary>
    public string? Folder { get; init; }

    /// <summary>FAIL_TO_PASS tests that passed and failed (absent = failed); null when nothing was graded.</summary>
    public GroupCounts? FailToPass { get; init; }

    /// <summary>PASS_TO_PASS tests that passed and failed; null when nothing was graded.</summary>
    public GroupCounts? PassToPass { get; init; }

    /// <summary>Seconds the eval script ran (the tests).</summary>
    public double TestSeconds { get; init; }

    /// <summary>Seconds spent starting sandboxes for this prediction (0 when the worker's session was reused).</summary>
    public double StartSeconds { get; init; }

    public double TotalSeconds { get; init; }

    /// <summary>The verdict as the metrics count it.</summary>
    public PredictionVerdict ToVerdict() => new(InstanceId, Repo, Source, RolloutId ?? "0", Verdict == EvaluationVerdict.Resolved,
        Error: Verdict == EvaluationVerdict.Error, EmptyPatch: Verdict == EvaluationVerdict.EmptyPatch);
}
