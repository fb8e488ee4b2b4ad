using SweLego.Sandboxes;

namespace SweLego.Tasks.Harness;

/// <summary>What <see cref="EvalScript.Build"/> needs for one instance.</summary>
/// <param name="Workdir">The repository checkout inside the sandbox (the harness's /testbed).</param>
/// <param name="ActivationLines">Lines that put the instance's Python first (the harness: conda activate; ours: the environment's activation).</param>
/// <param name="EvalCommands">The spec's eval-time commands, then its install line when the caller wants it repeated as the harness does.</param>
/// <param name="BaseCommit">The instance's base commit: test files are reset to it before and after.</param>
/// <param name="TestPatch">The instance's test patch, applied from a heredoc.</param>
/// <param name="TestCommand">The spec's test command; a shell string (Sympy's starts with an environment assignment).</param>
/// <param name="Directives">Test directives (<see cref="Specs.SweBenchSpecs.TestDirectives"/>), appended quoted.</param>
public sealed record EvalScriptRequest(
    string Workdir,
    IReadOnlyList<string> ActivationLines,
    IReadOnlyList<string> EvalCommands,
    string BaseCommit,
    string TestPatch,
    string TestCommand,
    IReadOnlyList<string> Directives,
    HarnessVersion Version = HarnessVersions.Default)
{
    /// <summary>
    /// The caller already reset the test files and applied the test patch (SweLego's own instances: the task sandbox
    /// does the git steps, the same way on every backend, since a bwrap sandbox never writes the checkout's .git); the
    /// script then runs only the tests between the markers.
    /// </summary>
    public bool TreePrepared { get; init; }
}

/// <summary>
/// The eval.sh the harness runs for a Python instance after applying the model patch, in its
/// order: activation, cd, eval-time commands, the informational git status/show/diff, activation
/// again, then reset the test files, apply the test patch, the start marker, the tests, the end
/// marker, reset again. 5.0.2 also keeps the test command's exit status and prints it after the
/// end marker, where grading finds it.
/// </summary>
/// <remarks>
/// Everything eval.sh prints is graded, so the informational lines matter: `git diff` prints the
/// model's patch into the log, and a patch containing a harness marker changes the verdict there
/// too. Paths and directives are quoted (under `set -x` bash traces them unquoted when they need
/// no quoting, so the log reads as the harness's).
/// </remarks>
public static class EvalScript
{
    /// <summary>The harness's heredoc delimiter for the test patch.</summary>
    public const string HeredocDelimiter = "EOF_114329324912";

    /// <summary>5.0.2's variable for the test command's status.</summary>
    public const string ExitCodeVariable = "SWEBENCH_TEST_EXIT_CODE";

    /// <exception cref="ArgumentException">The test patch contains a line equal to the heredoc delimiter, which would end it early.</exception>
    public static string Build(EvalScriptRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TestPatch.Split('\n').Contains(HeredocDelimiter))
        {
            throw new ArgumentException($"the test patch contains a line '{HeredocDelimiter}', which would end its heredoc early", nameof(request));
        }
        var workdir = BashQuoting.Quote(request.Workdir);
        var testFiles = Specs.SweBenchSpecs.TestFiles(request.TestPatch);
        var reset = $"git checkout {BashQuoting.Quote(request.BaseCommit)} {string.Join(' ', testFiles.Select(BashQuoting.Quote))}";
        var lines = new List<string> { "#!/bin/bash", "set -uxo pipefail" };
        lines.AddRange(request.ActivationLines);
        lines.Add($"cd {workdir}");
        lines.AddRange(request.EvalCommands);
        if (!request.TreePrepared)
        {
            lines.AddRange(
            [
                $"git config --global --add safe.directory {workdir}",
                $"cd {workdir}",
                "git status",
                "git show",
                $"git -c core.fileMode=false diff {BashQuoting.Quote(request.BaseCommit)}",
            ]);
            lines.AddRange(request.ActivationLines);
            lines.Add(reset);
            lines.Add($"git apply -v - <<'{HeredocDelimiter}'\n{request.TestPatch}\n{HeredocDelimiter}");
        }

        lines.Add($": '{TestLog.StartMarker}'");
        lines.Add(string.Join(' ', [request.TestCommand, .. request.Directives.Select(BashQuoting.Quote)]));
        if (request.Version == HarnessVersion.V5_0_2)
        {
            lines.Add($"{ExitCodeVariable}=$?");
            lines.Add($": '{TestLog.EndMarker}'");
            lines.Add($"echo \"{HarnessLog.ExitCodeMarker}: ${ExitCodeVariable}\"");
        }
        else
        {
            lines.Add($": '{TestLog.EndMarker}'");
        }
        if (!request.TreePrepared) lines.Add(reset);
        return string.Join('\n', lines) + "\n";
    }
}
