namespace SweLego.Evaluation;

/// <summary>How many tests of a group (FAIL_TO_PASS, PASS_TO_PASS) passed and failed in a graded run.</summary>
public sealed record GroupCounts(int Success, int Failure);
