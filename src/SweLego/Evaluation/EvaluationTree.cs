using SweLego.Evaluation.Inputs;
using SweLego.Sandboxes;
using SweLego.Tasks;
using SweLego.Tasks.Harness;
using SweLego.Tasks.Harness.Specs;

namespace SweLego.Evaluation;

/// <summary>
/// The repository a prediction is graded on, in its session, and the harness's steps on it: apply the
/// model patch, reset the test patch's files and apply it, and the eval script that runs the tests.
/// For our instances the task sandbox does the git steps (the same way on both backends: a bwrap
/// sandbox never writes the checkout's .git) and eval.sh runs the test command; for an image the
/// harness's whole eval.sh runs in the container, as there.
/// </summary>
internal sealed record EvaluationTree
{
    /// <summary>Where a dataset image holds its repository (the SWE-bench harness's /testbed).</summary>
    public const string ImageWorkdir = "/testbed";

    /// <summary>How the SWE-bench images put the instance's Python first.</summary>
    private static readonly string[] CondaActivation = ["source /opt/miniconda3/bin/activate", "conda activate testbed"];

    private readonly Func<string, PatchApplyMode, CancellationToken, Task<PatchApplication>> apply;
    private readonly Func<string, CancellationToken, Task<string?>> beforeTests;
    private readonly Func<HarnessVersion, EvalScriptRequest> script;

    private EvaluationTree(
        ISandboxSession session, Func<string, PatchApplyMode, CancellationToken, Task<PatchApplication>> apply,
        Func<string, CancellationToken, Task<string?>> beforeTests, Func<HarnessVersion, EvalScriptRequest> script) =>
        (Session, this.apply, this.beforeTests, this.script) = (session, apply, beforeTests, script);

    public ISandboxSession Session { get; }

    /// <summary>Seconds spent starting a sandbox for this tree (0 when the worker's session was reused).</summary>
    public double StartSeconds { get; init; }

    public static EvaluationTree Ours(TaskSandbox sandbox, ISandboxSession session, TaskEnvironment environment, EvaluationInstance instance, string commit) => new(
        session,
        (patch, mode, token) => sandbox.ApplyPatchAsync(session, patch, mode, token),
        async (modelPatch, token) =>
        {
            if (instance.TestPatch.Length == 0) return null;
            // The tree was at the base before the model patch: only the test files it changed differ from there.
            var changed = PatchPaths.Targets(modelPatch);
            var reset = SweBenchSpecs.TestFiles(instance.TestPatch).Where(f => changed is null || changed.Contains(f)).ToList();
            if (reset.Count > 0) await sandbox.ResetFilesAsync(session, commit, reset, token);
            var applied = await sandbox.ApplyPatchAsync(session, instance.TestPatch, PatchApplyMode.Strict, token);
            return applied.Applied ? null : $"the instance's test patch does not apply after the model patch: {applied.Problem}";
        },
        version => new EvalScriptRequest(environment.Workdir, [], [], commit, "", environment.Spec.TestCommand, instance.Task!.TestFiles, version) { TreePrepared = true });

    public static EvaluationTree Image(ISandboxSession session, EvaluationInstance instance)
    {
        var spec = SweBenchSpecs.Get(instance.Repo, instance.Version);
        return new(
            session,
            (patch, mode, token) => PatchApplier.ApplyAsync(session, patch, ".git/swelego-patch.diff", mode, t => PatchApplier.RestoreIndexAsync(session, t), token),
            (_, _) => Task.FromResult<string?>(null),
            version => new EvalScriptRequest(ImageWorkdir, CondaActivation, spec.EvalCommands, instance.BaseCommit, instance.TestPatch, spec.TestCommand,
                SweBenchSpecs.TestDirectives(instance.Repo, instance.TestPatch), version));
    }

    public Task<PatchApplication> ApplyAsync(string patch, PatchApplyMode mode, CancellationToken cancellationToken) => apply(patch, mode, cancellationToken);

    /// <summary>
    /// After <paramref name="modelPatch"/> was applied: null when the tree is ready for eval.sh, else why the instance's own test
    /// patch failed (our instances: an infrastructure problem).
    /// </summary>
    public Task<string?> BeforeTestsAsync(string modelPatch, CancellationToken cancellationToken) => beforeTests(modelPatch, cancellationToken);

    public string EvalScript(HarnessVersion version) => Tasks.Harness.EvalScript.Build(script(version));
}
