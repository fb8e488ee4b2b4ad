using SweLego.Runs;
using SweLego.Tasks;

namespace SweLego.Evaluation;

/// <summary>
/// One instance re-validated (a line of validation/validation.jsonl): with the gold patch it must be
/// resolved (FULL); with the empty patch none of its FAIL_TO_PASS tests may pass. <see cref="Problem"/>
/// says which part does not hold.
/// </summary>
public sealed record TaskValidationVerdict : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public required string InstanceId { get; init; }

    public required bool Holds { get; init; }

    /// <summary>The gold patch's result: FAIL_TO_PASS and PASS_TO_PASS tests that passed and failed.</summary>
    public GroupCounts? GoldFailToPass { get; init; }

    public GroupCounts? GoldPassToPass { get; init; }

    /// <summary>The empty patch's FAIL_TO_PASS: every one must have failed.</summary>
    public GroupCounts? EmptyFailToPass { get; init; }

    public string? Problem { get; init; }

    public static TaskValidationVerdict Of(TaskInstance instance, EvaluationRecord? gold, EvaluationRecord? empty)
    {
        ArgumentNullException.ThrowIfNull(instance);
        string? problem =
            gold is null ? "the gold patch was not evaluated"
            : gold.Verdict == EvaluationVerdict.Error ? $"with the gold patch: {gold.Error}"
            : gold.Verdict != EvaluationVerdict.Resolved ? $"the gold patch does not resolve it ({gold.Resolution?.ToString().ToUpperInvariant() ?? "nothing graded"}: F2P {Describe(gold.FailToPass)}, P2P {Describe(gold.PassToPass)})"
            : empty is null ? "the empty patch was not evaluated"
            : empty.Verdict == EvaluationVerdict.Error ? $"without the gold patch: {empty.Error}"
            : empty.FailToPass is { Success: > 0 } passing ? $"{passing.Success} of {instance.FailToPass.Count} FAIL_TO_PASS test(s) pass without the gold patch"
            : null;
        return new TaskValidationVerdict
        {
            InstanceId = instance.InstanceId, Holds = problem is null, Problem = problem,
            GoldFailToPass = gold?.FailToPass, GoldPassToPass = gold?.PassToPass, EmptyFailToPass = empty?.FailToPass,
        };
    }

    private static string Describe(GroupCounts? counts) => counts is { } c ? $"{c.Success} pass, {c.Failure} fail" : "not graded";
}
