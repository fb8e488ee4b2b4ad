namespace SweLego.Runs.Stages;

/// <summary>
/// A stage's records: its name, its JSONL files, and how every result is keyed and judged.
/// The files are the truth of what is done: one line per finished item, appended in item
/// order, read back on resume (<see cref="Read"/>).
/// </summary>
public sealed class StageJournal<TResult>
{
    private readonly Func<TResult, string> key;
    private readonly Func<TResult, string> outcome;

    /// <param name="stage">The stage (its folder and manifest key).</param>
    /// <param name="key">The item key a result belongs to.</param>
    /// <param name="outcome">The result's outcome (<see cref="StageOutcomes"/>).</param>
    /// <param name="files">Where results are written: the first file that takes a result gets it.</param>
    public StageJournal(string stage, Func<TResult, string> key, Func<TResult, string> outcome, params IReadOnlyList<StageFile<TResult>> files)
    {
        ArgumentException.ThrowIfNullOrEmpty(stage);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(outcome);
        if (files.Count == 0) throw new ArgumentException("A stage journal needs at least one file.", nameof(files));
        if (files.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"The file '{twice.Key}' is named twice.", nameof(files));
        (Stage, this.key, this.outcome, Files) = (stage, key, outcome, files);
    }

    public string Stage { get; }

    public IReadOnlyList<StageFile<TResult>> Files { get; }

    public string Key(TResult result) => key(result);

    public string Outcome(TResult result) => outcome(result);

    /// <summary>What the stage's files hold now: every key's outcome, and the results that settle a key.</summary>
    public StageHistory<TResult> Read(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var history = new StageHistory<TResult>();
        foreach (var file in Files)
        {
            foreach (var result in file.Read(run, Stage)) history.Add(Key(result), Outcome(result), result);
        }

        return history;
    }
}
