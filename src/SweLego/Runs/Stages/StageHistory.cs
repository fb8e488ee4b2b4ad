namespace SweLego.Runs.Stages;

/// <summary>
/// What a stage recorded so far (<see cref="StageJournal{TResult}.Read"/>): each key's outcome and
/// the results that settle a key. A key is done unless its only records are <see cref="StageOutcomes.Error"/>:
/// a later record that is not an error wins, whichever file it is in.
/// </summary>
public sealed class StageHistory<TResult>
{
    private readonly Dictionary<string, string> outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TResult> results = new(StringComparer.Ordinal);

    /// <summary>Every recorded key's outcome.</summary>
    public IReadOnlyDictionary<string, string> Outcomes => outcomes;

    /// <summary>The result that settles each done key (errors are not among them).</summary>
    public IEnumerable<TResult> Results => results.Values;

    public bool IsDone(string key) => outcomes.TryGetValue(key, out var outcome) && outcome != StageOutcomes.Error;

    /// <summary>Keys by outcome.</summary>
    public Dictionary<string, int> Counts() =>
        outcomes.Values.GroupBy(o => o, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    internal void Add(string key, string outcome, TResult result)
    {
        if (outcome == StageOutcomes.Error)
        {
            outcomes.TryAdd(key, outcome);
            return;
        }

        outcomes[key] = outcome;
        results[key] = result;
    }
}
