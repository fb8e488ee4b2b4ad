namespace SweLego.Tasks.Harness;

/// <summary>
/// SWE-bench-exact grading of one instance from its test output, per harness release: the
/// log's reading (<see cref="HarnessLog"/>), then <see cref="Grader"/> on FAIL_TO_PASS and
/// PASS_TO_PASS. FAIL_TO_FAIL and PASS_TO_FAIL are reported empty, as the harness never fills them.
/// </summary>
public static class HarnessGrading
{
    /// <param name="modelPatch">The prediction's model_patch; null is the harness's `patch_is_None` (nothing run).</param>
    /// <param name="testOutput">Everything eval.sh printed (test_output.txt), after the model patch applied.</param>
    /// <param name="logParser">The instance's parser name (`pytest`, `parse_log_django`, ...).</param>
    /// <exception cref="HarnessLogParserException">
    /// The harness's own parser raises on this log, so the harness writes no report: count the instance as an error.
    /// </exception>
    public static InstanceGrade Grade(
        string instanceId, string? modelPatch, string testOutput, string logParser,
        IReadOnlyList<string> failToPass, IReadOnlyList<string> passToPass,
        HarnessVersion version = HarnessVersions.Default)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        ArgumentNullException.ThrowIfNull(testOutput);
        ArgumentNullException.ThrowIfNull(failToPass);
        ArgumentNullException.ThrowIfNull(passToPass);
        var parser = TestLogParsers.Get(logParser, version);
        if (modelPatch is null)
        {
            return new InstanceGrade(instanceId, version, true, false, false, false, null, null, null);
        }
        var log = HarnessLog.Read(testOutput, parser, version);
        if (!log.Found)
        {
            var infra = version == HarnessVersion.V5_0_2 ? InfraFailure.Classify(testOutput) : null;
            return new InstanceGrade(instanceId, version, false, true, false, false, null, log, infra);
        }
        var tests = Grader.Grade(failToPass, passToPass, log.Statuses, version);
        return new InstanceGrade(instanceId, version, false, true, true, tests.Resolved, tests, log, null);
    }
}
