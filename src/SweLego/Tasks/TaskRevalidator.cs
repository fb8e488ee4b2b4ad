using SweLego.Environments.Backends;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks;

/// <summary>
/// Re-runs an instance from its record and its environment (the repository mirror and the venv
/// or image it names, found relative to the run folder), once without and once with the gold
/// patch, and grades both as the SWE-bench harness does. Proves an instance is still valid after
/// it was written, moved or built elsewhere.
/// </summary>
public static class TaskRevalidator
{
    /// <param name="runDirectory">The run folder the instance was read from: its record's paths are relative to it.</param>
    public static async Task<RevalidationResult> RunAsync(
        TaskInstance instance, string runDirectory, string scratchDirectory, DockerBackendOptions? docker = null, TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var environment = instance.Environment;
        var backend = EnvironmentBackends.Create(environment.Backend, docker);
        await using var slot = new TaskSandbox(Path.Combine(scratchDirectory, "checkout"), environment.MirrorPath(runDirectory), backend, runDirectory);
        var session = await slot.SessionAsync(environment, cancellationToken);
        var parser = TestLogParsers.Get(environment.Spec.LogParser);
        var limit = timeout ?? TimeSpan.FromMinutes(10);

        // A synthetic task's buggy state is its original commit + the bug; a real task's is its base commit.
        string commit = instance.OriginalCommit ?? instance.BaseCommit;
        string[] setup = instance.BugPatch is { } bug ? [bug] : [];
        if (await slot.PrepareAsync(session, commit, [.. setup, instance.TestPatch], cancellationToken) is { } testPatchProblem)
            return new RevalidationResult(instance.InstanceId, null, null, $"the test patch does not apply: {testPatchProblem}");
        var without = await SandboxTestRunner.RunAsync(session, environment.Spec.TestCommand, instance.TestFiles, parser, limit, cancellationToken);
        if (!without.Outcome.IsGradable && without.Outcome.Problem != TestRunProblem.CollectionError)
            return new RevalidationResult(instance.InstanceId, null, null, $"without the gold patch: {without.Outcome.Reason}");

        if (await slot.PrepareAsync(session, commit, [.. setup, instance.TestPatch, instance.Patch], cancellationToken) is { } patchProblem)
            return new RevalidationResult(instance.InstanceId, null, null, $"the gold patch does not apply: {patchProblem}");
        var with = await SandboxTestRunner.RunAsync(session, environment.Spec.TestCommand, instance.TestFiles, parser, limit, cancellationToken);
        if (!with.Outcome.IsGradable)
            return new RevalidationResult(instance.InstanceId, null, null, $"with the gold patch: {with.Outcome.Reason}");

        return new RevalidationResult(
            instance.InstanceId,
            Grader.Grade(instance.FailToPass, instance.PassToPass, with.Outcome.Statuses),
            Grader.GradeGroup(instance.FailToPass, without.Outcome.Statuses),
            null);
    }
}
