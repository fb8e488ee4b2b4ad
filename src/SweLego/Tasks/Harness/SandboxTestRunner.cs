using System.Text;
using SweLego.Sandboxes;

namespace SweLego.Tasks.Harness;

/// <summary>
/// Runs a test command in a sandbox session the way the SWE-bench harness does: between the
/// start/end markers, with the command's own exit code kept, the whole log captured (not the
/// agent's truncated observation) and the run classified by <see cref="TestRunOutcome"/>.
/// </summary>
public static class SandboxTestRunner
{
    /// <param name="testCommand">E.g. <c>pytest -rA</c>; <paramref name="testFiles"/> are appended, shell-quoted.</param>
    public static async Task<TestRunResult> RunAsync(
        ISandboxSession session, string testCommand, IReadOnlyList<string> testFiles, ITestLogParser parser, TimeSpan timeout,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(testFiles);
        string files = string.Join(' ', testFiles.Select(BashQuoting.Quote));
        string command =
            $"echo '{TestLog.StartMarker}'\n{testCommand} {files}\n__swl_test_rc=$?\necho '{TestLog.EndMarker}'\n(exit $__swl_test_rc)";
        var log = new MemoryStream();
        var result = await session.ExecAsync(command, new ExecOptions { Timeout = timeout, OnOutput = chunk => log.Write(chunk.Span) }, cancellationToken);
        string fullLog = Encoding.UTF8.GetString(log.GetBuffer(), 0, (int)log.Length);
        int? exitCode = result.TimedOut || result.SessionEnded ? null : result.ExitCode;
        string? limit = result.MemoryLimitHit ? "memory" : result.ProcessLimitHit ? "process" : result.OutputLimitHit ? "output" : result.DiskLimitHit ? "disk" : null;
        return new TestRunResult(TestRunOutcome.Classify(fullLog, exitCode, result.TimedOut, parser, limit), fullLog, result.Duration);
    }
}
