namespace SweLego.Tasks.Harness;

/// <summary>
/// What a candidate task's two runs prove. FAIL_TO_PASS and PASS_TO_PASS become the instance's
/// lists; PASS_TO_FAIL (tests the gold patch breaks) and the excluded flaky tests are evidence.
/// Lists are sorted ordinally so the same runs always give the same instance.
/// </summary>
public sealed record ValidationResult(
    IReadOnlyList<string> FailToPass,
    IReadOnlyList<string> PassToPass,
    IReadOnlyList<string> PassToFail,
    IReadOnlyList<string> ExcludedFlaky);
