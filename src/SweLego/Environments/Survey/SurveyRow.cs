namespace SweLego.Environments.Survey;

/// <summary>
/// One repository commit of a survey: how its environment was built and what one run of its
/// tests collected. <see cref="Success"/> needs both: a build whose tests cannot be collected
/// (collection error, no results, time-out) is a failure, with <see cref="Reason"/> saying why.
/// </summary>
public sealed record SurveyRow(string Repository, string Commit, SurveyOutcome Outcome, string? Reason)
{
    /// <summary>Tests the run reported, by any status.</summary>
    public int TestsCollected { get; init; }

    public int Passed { get; init; }

    /// <summary>Failed or errored tests (a run with failing tests still counts as collected).</summary>
    public int Failed { get; init; }

    /// <summary>Requirements the environment lacks (offline builds list them instead of fetching).</summary>
    public IReadOnlyList<string> UnmetRequirements { get; init; } = [];

    /// <summary>The environment image (docker backend); null for a venv or when nothing was built.</summary>
    public string? Image { get; init; }

    public TimeSpan BuildTime { get; init; }

    public TimeSpan TestTime { get; init; }

    public bool Success => Outcome != SurveyOutcome.Failed;
}
