using SweLego.Environments;
using SweLego.Tasks.Synthetic.Coverage;
using SweLego.Tasks.Synthetic.ProblemStatements;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic;

/// <summary>What every candidate of a synthetic run is validated against: the commit, its environment, the clean baseline and the coverage.</summary>
internal sealed class SyntheticContext
{
    public required RepositoryMirror Mirror { get; init; }

    public required string Commit { get; init; }

    public required DateTimeOffset CommitDate { get; init; }

    public required EnvironmentSpec Spec { get; init; }

    public required TaskEnvironment Environment { get; init; }

    public required ITestLogParser Parser { get; init; }

    /// <summary>The stable statuses of the repeated clean runs (flaky tests left out).</summary>
    public required TestBaselineResult Baseline { get; init; }

    public required IReadOnlySet<string> PassingAtBaseline { get; init; }

    /// <summary>
    /// A candidate's test run limit: ten times the slowest clean run, at least 30 s, at most the
    /// --test-timeout. A bug that makes the code loop is rejected in seconds, not minutes.
    /// </summary>
    public required TimeSpan CandidateTimeout { get; init; }

    /// <summary>Which tests execute which function; null when the run is not coverage-guided.</summary>
    public required CoverageMap? Coverage { get; init; }

    /// <summary>
    /// True when a caught bug's lists may come from its covering tests and the baseline (the fast
    /// mode): coverage-guided, not --exact-p2p, and the coverage map complete (<see cref="CoverageMap.MissingFor"/>).
    /// </summary>
    public required bool FastMode { get; init; }

    /// <summary>True when baseline.json (and coverage.json) came from an earlier session instead of running the suite.</summary>
    public required bool BaselineReused { get; init; }

    /// <summary>The share of fast-mode instances audited with the whole suite (<see cref="SyntheticTaskOptions.AuditRate"/>).</summary>
    public required double AuditRate { get; init; }

    /// <summary>The run's seed: with the candidate id it decides which instances are audited.</summary>
    public required int Seed { get; init; }

    /// <summary>Writes the problem statements (with the model when there is one).</summary>
    public required ProblemStatementWriter Statements { get; init; }

    /// <summary>Where workspaces are built to learn their commit id.</summary>
    public required string ScratchDirectory { get; init; }

    /// <summary>The id of the single commit an agent's workspace of this bug has (deterministic).</summary>
    public async Task<string> WorkspaceCommitAsync(string bugPatch, CancellationToken cancellationToken)
    {
        string destination = Path.Combine(ScratchDirectory, "workspace-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await TaskWorkspaces.CreateSyntheticAsync(Mirror.Path, Commit, bugPatch, TaskWorkspaces.SyntheticCommitMessage, destination, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(destination)) Directory.Delete(destination, recursive: true);
        }
    }
}
