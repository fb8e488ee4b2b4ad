using SweLego.Evaluation.Metrics;
using SweLego.Runs.Stages;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>What an evaluation produced, for the CLI's table: every result, the harness's run report, the metrics and the inputs' problems.</summary>
public sealed record EvaluationSummary
{
    public required HarnessVersion Harness { get; init; }

    public required IReadOnlyList<EvaluationRecord> Results { get; init; }

    public required RunReport Report { get; init; }

    public required MetricsReport Metrics { get; init; }

    public required EvaluationInputsReport Inputs { get; init; }

    /// <summary>The stage runner's account of this session; null for <c>--rerun</c>, which runs nothing.</summary>
    public StageRunSummary? Ran { get; init; }

    public required string ResultsPath { get; init; }

    public required string ReportPath { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public int Count(EvaluationVerdict verdict) => Results.Count(r => r.Verdict == verdict);

    public int Count(EvaluationErrorKind kind) => Results.Count(r => r.ErrorKind == kind);

    /// <summary>Predictions graded with an infrastructure diagnosis beside the verdict.</summary>
    public int Diagnosed => Results.Count(r => r.Diagnosis is not null);
}
