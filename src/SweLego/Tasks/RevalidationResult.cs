using SweLego.Tasks.Harness;

namespace SweLego.Tasks;

/// <summary>
/// An instance checked again from its record alone: with the gold patch every FAIL_TO_PASS and
/// PASS_TO_PASS test must pass (<see cref="WithGold"/> resolved); without it every FAIL_TO_PASS
/// test must fail (<see cref="FailToPassWithoutGold"/> has no success and no skip).
/// <see cref="Problem"/> says why the tests could not be run at all.
/// </summary>
public sealed record RevalidationResult(string InstanceId, GradeReport? WithGold, TestGroupResult? FailToPassWithoutGold, string? Problem)
{
    public bool Holds(TaskInstance instance) =>
        Problem is null && WithGold is { Resolved: true } && FailToPassWithoutGold is { Success.Count: 0 } without
        && without.Failure.Count == instance.FailToPass.Count;
}
