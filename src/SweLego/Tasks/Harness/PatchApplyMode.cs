namespace SweLego.Tasks.Harness;

/// <summary>How <see cref="TaskSandbox.ApplyPatchAsync"/> applies a patch.</summary>
public enum PatchApplyMode
{
    /// <summary>One <c>git apply --verbose</c>: gold and test patches, which must apply exactly.</summary>
    Strict,

    /// <summary>
    /// The SWE-bench 4.x harness's cascade for model patches: <c>git apply --verbose</c>, then
    /// <c>git apply --verbose --reject</c>, then <c>patch --batch --fuzz=5 -p1 -i</c>, each on the tree the
    /// previous attempt left.
    /// </summary>
    Harness404,

    /// <summary>
    /// The SWE-bench 5.0.2 harness's cascade: <c>git apply --verbose</c>, <c>--3way</c>, <c>--reject</c>, then
    /// <c>patch --batch --forward --fuzz=5 -p1 -i</c>, the tree restored before each retry; when all fail, a patch
    /// that <c>git apply --check --reverse</c> finds already applied counts as applied. <c>--3way</c> needs the
    /// repository's objects and index: on bwrap (.git read-only, objects on the host) it always fails and the cascade
    /// goes on, so a patch only a 3-way merge takes applies in a docker image but not on bwrap.
    /// </summary>
    Harness502,
}
