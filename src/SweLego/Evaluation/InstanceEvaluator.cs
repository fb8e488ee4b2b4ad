using System.Diagnostics;
using System.Text;
using SweLego.Evaluation.Inputs;
using SweLego.Sandboxes;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>
/// Grades one prediction the way the SWE-bench harness's <c>run_instance</c> does: the model patch
/// applied with the harness's cascade, eval.sh run, test_output.txt graded by the selected harness
/// version, and the harness's files (patch.diff, eval.sh, test_output.txt, report.json,
/// run_instance.log) left in the prediction's folder. A collection crash the environment caused is
/// run once more in a fresh sandbox and then graded as the harness grades it, with the diagnosis beside.
/// </summary>
internal sealed class InstanceEvaluator(EvaluationContext context)
{
    public string Stage => context.Stage;

    public async Task<EvaluationRecord> EvaluateAsync(MatchedPrediction item, string? rollout, EvaluationWorker worker, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var record = NewRecord(item, rollout);
        if (item.Prediction.IsEmpty && !context.RunEmptyPatches)
            return record with { Verdict = EvaluationVerdict.EmptyPatch, Folder = null };

        var environment = await context.Environments.ResolveAsync(item.Instance, cancellationToken);
        if (environment.Problem is { } missing) return record with { Verdict = EvaluationVerdict.Error, ErrorKind = EvaluationErrorKind.NoEnvironment, Error = missing, Folder = null };

        var folder = context.FolderFor(item.Instance.InstanceId, item.Prediction.ModelNameOrPath, rollout);
        var attempt = await RunAsync(item, environment, worker, folder, cancellationToken);
        bool retried = false;
        if (attempt.Diagnosis is { } diagnosis)
        {
            await worker.ResetAsync();
            folder.Log($"Infrastructure diagnosis: {diagnosis}; running once more in a fresh sandbox before grading.");
            attempt = await RunAsync(item, environment, worker, folder, cancellationToken);
            retried = true;
        }

        return attempt.Apply(record) with { Retried = retried, TotalSeconds = clock.Elapsed.TotalSeconds };
    }

    /// <summary>Grades an earlier run again from its saved test_output.txt (<c>--rerun</c>): nothing runs. Records with no log stay as they are.</summary>
    public EvaluationRecord Regrade(MatchedPrediction item, EvaluationRecord earlier)
    {
        if (earlier.Folder is null || earlier.ErrorKind is not null) return earlier with { Harness = context.Harness.ToText() };
        var folder = new PredictionFolder(Path.Combine(context.Run.DirectoryPath, earlier.Folder));
        if (!File.Exists(folder.File(PredictionFolder.TestOutput))) return earlier;
        var grade = Grade(item, File.ReadAllText(folder.File(PredictionFolder.TestOutput)), folder, regrading: true);
        return new RunAttempt(grade, null, null, earlier.Diagnosis, earlier.TestSeconds, earlier.AppliedWith).Apply(earlier with { Harness = context.Harness.ToText() });
    }

    public EvaluationRecord NewRecord(MatchedPrediction item, string? rollout) => new()
    {
        Key = EvaluationKeys.Key(item.Instance.InstanceId, rollout),
        InstanceId = item.Instance.InstanceId,
        RolloutId = rollout,
        Repo = item.Instance.Repo,
        Source = item.Instance.Source,
        ModelNameOrPath = item.Prediction.ModelNameOrPath ?? "None",
        Verdict = EvaluationVerdict.Error,
        Harness = context.Harness.ToText(),
        Folder = context.Run.RelativePath(context.FolderFor(item.Instance.InstanceId, item.Prediction.ModelNameOrPath, rollout).Path),
    };

    /// <summary>A prediction for an instance whose row could not be read: an error naming the row.</summary>
    public EvaluationRecord BadInstance(Prediction prediction, string? rollout, InputProblem problem) => new()
    {
        Key = EvaluationKeys.Key(prediction.InstanceId, rollout),
        InstanceId = prediction.InstanceId,
        RolloutId = rollout,
        Repo = "",
        Source = "",
        ModelNameOrPath = prediction.ModelNameOrPath ?? "None",
        Verdict = EvaluationVerdict.Error,
        ErrorKind = EvaluationErrorKind.BadInstance,
        Error = problem.ToString(),
        Harness = context.Harness.ToText(),
    };

    private async Task<RunAttempt> RunAsync(
        MatchedPrediction item, EvaluationEnvironment environment, EvaluationWorker worker, PredictionFolder folder, CancellationToken cancellationToken)
    {
        folder.Clear();
        var instance = item.Instance;
        string patch = item.Prediction.ModelPatch ?? "";
        folder.Log($"Starting the sandbox for {instance.InstanceId}: {environment.Describe()}");
        var tree = await worker.PrepareAsync(environment, instance, instance.Task is null ? "" : context.Environments.InstancesRun(instance), cancellationToken);
        folder.Write(PredictionFolder.Patch, patch);
        folder.Log($"Intermediate patch for {instance.InstanceId} written to {PredictionFolder.Patch}, now applying it...");
        string? appliedWith = null;
        if (patch.Length > 0)
        {
            var applied = await tree.ApplyAsync(patch, context.Harness == HarnessVersion.V4_0_4 ? PatchApplyMode.Harness404 : PatchApplyMode.Harness502, cancellationToken);
            folder.Log(applied.Log);
            if (!applied.Applied)
                return RunAttempt.Failed(EvaluationErrorKind.PatchApplyFailed, $"{PatchApplication.FailedMarker}: {applied.Problem}");
            appliedWith = applied.Command;
        }

        if (await tree.BeforeTestsAsync(patch, cancellationToken) is { } setupProblem)
            return RunAttempt.Failed(EvaluationErrorKind.Infrastructure, setupProblem);
        string script = tree.EvalScript(context.Harness);
        folder.Write(PredictionFolder.EvalScript, script);
        folder.Log($"Eval script for {instance.InstanceId} written to {PredictionFolder.EvalScript}; running it...");
        var output = new MemoryStream();
        var run = await tree.Session.ExecAsync(EvalCommand(script), new ExecOptions { Timeout = context.Timeout, OnOutput = chunk => output.Write(chunk.Span) }, cancellationToken);
        string log = Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
        folder.Log($"Test runtime: {run.Duration.TotalSeconds:F2} seconds");
        double seconds = run.Duration.TotalSeconds;
        if (run.TimedOut)
        {
            folder.Write(PredictionFolder.TestOutput, log + $"\n\nTimeout error: {context.Timeout.TotalSeconds:F0} seconds exceeded.");
            await worker.ResetAsync();
            return RunAttempt.Failed(EvaluationErrorKind.TimedOut, $"Test timed out after {context.Timeout.TotalSeconds:F0} seconds.", seconds);
        }

        folder.Write(PredictionFolder.TestOutput, log);
        if (run.SessionEnded)
        {
            await worker.ResetAsync();
            return RunAttempt.Failed(EvaluationErrorKind.Infrastructure, "the sandbox ended while the tests ran", seconds);
        }

        var grade = Grade(item, log, folder, regrading: false);
        return new RunAttempt(grade, null, null, grade is null ? null : InfrastructureDiagnosis.Of(log, instance), seconds, appliedWith) { StartSeconds = tree.StartSeconds };
    }

    /// <summary>The harness's verdict and report.json; null when its own parser raises on the log (it then writes no report).</summary>
    private InstanceGrade? Grade(MatchedPrediction item, string log, PredictionFolder folder, bool regrading)
    {
        var instance = item.Instance;
        try
        {
            var grade = HarnessGrading.Grade(instance.InstanceId, item.Prediction.ModelPatch, log, EvaluationEnvironments.LogParser(instance),
                instance.FailToPass, instance.PassToPass, context.Harness);
            folder.Write(PredictionFolder.Report, grade.ToReportJson());
            folder.Log($"{(regrading ? "Regraded under " + context.Harness.ToText() : "Graded")}: resolved: {grade.Resolved}");
            return grade;
        }
        catch (HarnessLogParserException e)
        {
            folder.Log($"The harness's log parser raises on this log, so no report is written: {e.Message}");
            if (File.Exists(folder.File(PredictionFolder.Report))) File.Delete(folder.File(PredictionFolder.Report));
            return null;
        }
    }

    /// <summary>
    /// The script runs in a child bash from a file in the sandbox's /tmp, as the harness runs /eval.sh: its
    /// <c>set -uxo pipefail</c> and exits never reach the session's shell, and it reads no commands from stdin.
    /// </summary>
    private static string EvalCommand(string script)
    {
        string delimiter = "SWELEGO_EVAL_" + Guid.NewGuid().ToString("N");
        return $"cat > /tmp/swelego-eval.sh <<'{delimiter}'\n{script.TrimEnd('\n')}\n{delimiter}\n/bin/bash /tmp/swelego-eval.sh < /dev/null 2>&1";
    }

    /// <summary>One run of a prediction: graded (<see cref="Grade"/>), or an error of <see cref="Kind"/>.</summary>
    private sealed record RunAttempt(InstanceGrade? Grade, EvaluationErrorKind? Kind, string? Error, string? Diagnosis, double TestSeconds, string? AppliedWith)
    {
        public double StartSeconds { get; init; }

        public static RunAttempt Failed(EvaluationErrorKind kind, string error, double testSeconds = 0) => new(null, kind, error, null, testSeconds, null);

        public EvaluationRecord Apply(EvaluationRecord record)
        {
            record = record with { Diagnosis = Diagnosis, TestSeconds = TestSeconds, AppliedWith = AppliedWith, StartSeconds = StartSeconds };
            if (Grade is not { } grade)
            {
                return record with
                {
                    Verdict = EvaluationVerdict.Error, ErrorKind = Kind ?? EvaluationErrorKind.LogParser,
                    Error = Error ?? "the harness's log parser raises on this log (no report)",
                };
            }

            return record with
            {
                Verdict = grade.Resolved ? EvaluationVerdict.Resolved : EvaluationVerdict.Unresolved,
                ErrorKind = null, Error = null,
                Resolution = grade.Resolution,
                InfraFailure = grade.InfraFailure,
                FailToPass = grade.Tests is { } t ? new GroupCounts(t.FailToPass.Success.Count, t.FailToPass.Failure.Count) : null,
                PassToPass = grade.Tests is { } u ? new GroupCounts(u.PassToPass.Success.Count, u.PassToPass.Failure.Count) : null,
            };
        }
    }
}
