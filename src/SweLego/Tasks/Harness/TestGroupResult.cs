namespace SweLego.Tasks.Harness;

/// <summary>One group of a grade (`FAIL_TO_PASS`, ...): the tests that passed and the tests that failed,
/// in the order the instance lists them. Skipped tests are in neither list.</summary>
public sealed record TestGroupResult(IReadOnlyList<string> Success, IReadOnlyList<string> Failure)
{
    public static TestGroupResult Empty { get; } = new([], []);

    public int Total => Success.Count + Failure.Count;
}
