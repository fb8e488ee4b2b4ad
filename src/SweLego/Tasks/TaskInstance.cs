using System.Text.Json.Serialization;
using SweLego.Runs;

namespace SweLego.Tasks;

/// <summary>
/// A validated task in the SWE-bench format (spec §5) plus SweLego's extras: where it came
/// from, the environment that proved it, the flaky tests left out and how long validation took.
/// The two test lists are JSON arrays (the harness also accepts JSON-encoded strings).
/// </summary>
public sealed record TaskInstance : IVersionedRecord
{
    // 2: the environment's host paths are relative to the run folder and its venv is a sandbox path.
    public const int FormatVersion = 2;

    public int V { get; init; } = FormatVersion;

    /// <summary><c>owner/name</c>.</summary>
    public required string Repo { get; init; }

    /// <summary><c>owner__name-&lt;PR number or short commit&gt;</c>; unique within a run.</summary>
    public required string InstanceId { get; init; }

    public required string BaseCommit { get; init; }

    /// <summary>The gold patch: the non-test part of the change.</summary>
    public required string Patch { get; init; }

    /// <summary>The test part of the change; applied before the tests run.</summary>
    public required string TestPatch { get; init; }

    public required string ProblemStatement { get; init; }

    public string HintsText { get; init; } = "";

    /// <summary>ISO 8601 time of the fix (PR creation, or the commit's author date).</summary>
    public required string CreatedAt { get; init; }

    /// <summary>Which environment the instance needs: SweLego's environment id (spec hash).</summary>
    public required string Version { get; init; }

    [JsonPropertyName("FAIL_TO_PASS")]
    public required IReadOnlyList<string> FailToPass { get; init; }

    [JsonPropertyName("PASS_TO_PASS")]
    public required IReadOnlyList<string> PassToPass { get; init; }

    /// <summary>The commit the environment was built from.</summary>
    public required string EnvironmentSetupCommit { get; init; }

    /// <summary>Extra: <c>commit</c>, <c>pr</c> or <c>synthetic</c>.</summary>
    public required string Source { get; init; }

    /// <summary>Extra: true when the problem statement is only a commit message (no issue or PR text).</summary>
    public bool ProblemStatementWeak { get; init; }

    /// <summary>Extra: the commit holding the fix (the merge commit of a PR).</summary>
    public string? FixCommit { get; init; }

    /// <summary>
    /// Extra, synthetic tasks: the repository's commit the bug was injected into. The buggy state is
    /// this commit + <see cref="BugPatch"/>; the agent's workspace holds it as one root commit,
    /// <see cref="BaseCommit"/>.
    /// </summary>
    public string? OriginalCommit { get; init; }

    /// <summary>Extra, synthetic tasks: the injected bug as a patch against <see cref="OriginalCommit"/>; <see cref="Patch"/> reverts it.</summary>
    public string? BugPatch { get; init; }

    /// <summary>Extra, synthetic tasks: the bug's method id (<c>py.flip_comparison</c>, <c>llm.rewrite</c>), its site and what changed.</summary>
    public SyntheticBug? Bug { get; init; }

    /// <summary>Extra, synthetic tasks: which validation mode made the lists, and the full-suite audit when it was sampled.</summary>
    public SyntheticValidation? Validation { get; init; }

    /// <summary>Extra: the environment spec, build and backend that validated the instance.</summary>
    public required TaskEnvironment Environment { get; init; }

    /// <summary>Extra: the test files (or modules) that were run, in the test command's form.</summary>
    public IReadOnlyList<string> TestFiles { get; init; } = [];

    /// <summary>Extra: tests whose outcome changed between identical runs; in neither list.</summary>
    public IReadOnlyList<string> Flaky { get; init; } = [];

    /// <summary>Extra: tests the gold patch breaks (passing before, failing after); in neither list.</summary>
    public IReadOnlyList<string> PassToFail { get; init; } = [];

    /// <summary>Extra: seconds spent, by phase.</summary>
    public required TaskTimings Timings { get; init; }
}
