using SweLego.Runs;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>What every prediction of one evaluation shares: the run, the rules, the limits and where environments come from.</summary>
internal sealed class EvaluationContext
{
    public required RunFolder Run { get; init; }

    /// <summary>The stage (<c>evaluation</c>, or <c>validation</c> when tasks validate grades gold and empty patches).</summary>
    public required string Stage { get; init; }

    public required HarnessVersion Harness { get; init; }

    public required TimeSpan Timeout { get; init; }

    public required EvaluationEnvironments Environments { get; init; }

    /// <summary>Run empty patches instead of counting them as empty (validation: every FAIL_TO_PASS must fail without the gold patch).</summary>
    public bool RunEmptyPatches { get; init; }

    public PredictionFolder FolderFor(string instanceId, string? modelNameOrPath, string? rollout) =>
        PredictionFolder.For(Run.StageDirectory(Stage), modelNameOrPath ?? "None", instanceId, rollout);
}
