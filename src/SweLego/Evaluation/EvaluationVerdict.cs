namespace SweLego.Evaluation;

/// <summary>
/// Where one prediction lands in the harness's run report: <c>resolved_ids</c>, <c>unresolved_ids</c>,
/// <c>empty_patch_ids</c> or <c>error_ids</c> (no report: the patch did not apply, the tests timed out,
/// the environment is missing or the run crashed).
/// </summary>
public enum EvaluationVerdict
{
    Resolved,
    Unresolved,
    EmptyPatch,
    Error,
}
