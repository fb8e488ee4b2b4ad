namespace SweLego.Curation;

/// <summary>
/// The difficulty curriculum (spec §1.6): bins by assistant-turn count, each an upper bound, in order; a record
/// goes to the first bin whose bound it does not pass. Stage k trains on bins 1..k (cumulative). Defaults: easy
/// ≤ 50, medium 51–70, hard 71–100 (the paper's "0–50, 50–70, 70–100" overlap at their edges; ours do not).
/// </summary>
public sealed record CurriculumBins(IReadOnlyList<CurriculumBin> Bins)
{
    public static CurriculumBins Default { get; } = new([new("easy", 50), new("medium", 70), new("hard", 100)]);

    /// <summary>The bin of a record with <paramref name="turns"/> assistant turns, or null when it passes the last bound.</summary>
    public CurriculumBin? BinOf(int turns) => Bins.FirstOrDefault(b => turns <= b.MaxTurns);

    /// <summary>Throws <see cref="ArgumentException"/> naming the problem: no bins, a name twice, bounds not increasing.</summary>
    public void Validate()
    {
        if (Bins.Count == 0) throw new ArgumentException("The curriculum needs at least one bin.");
        for (int i = 0; i < Bins.Count; i++)
        {
            var bin = Bins[i];
            if (string.IsNullOrWhiteSpace(bin.Name) || bin.Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
                throw new ArgumentException($"Curriculum bin name '{bin.Name}' must be letters, digits, '-' or '_'.");
            if (bin.MaxTurns < 1) throw new ArgumentException($"Curriculum bin '{bin.Name}' needs a bound of at least 1 turn (got {bin.MaxTurns}).");
            if (i > 0 && bin.MaxTurns <= Bins[i - 1].MaxTurns)
                throw new ArgumentException($"Curriculum bounds must increase: '{bin.Name}' ({bin.MaxTurns}) follows '{Bins[i - 1].Name}' ({Bins[i - 1].MaxTurns}).");
            if (Bins.Take(i).Any(b => string.Equals(b.Name, bin.Name, StringComparison.OrdinalIgnoreCase)))
                throw new ArgumentException($"Curriculum bin '{bin.Name}' is named twice.");
        }
    }

    /// <summary>Parses <c>easy:50,medium:70,hard:100</c> (the CLI's <c>--bins</c>).</summary>
    public static CurriculumBins Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bins = new List<CurriculumBin>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !int.TryParse(part.AsSpan(colon + 1), out int max))
                throw new ArgumentException($"Curriculum bin '{part}' must be NAME:MAX_TURNS (e.g. easy:50,medium:70,hard:100).");
            bins.Add(new CurriculumBin(part[..colon].Trim(), max));
        }

        var result = new CurriculumBins(bins);
        result.Validate();
        return result;
    }

    public override string ToString() => string.Join(',', Bins.Select(b => $"{b.Name}:{b.MaxTurns}"));
}

/// <summary>One curriculum bin: records with at most <see cref="MaxTurns"/> turns (and more than the previous bin's bound).</summary>
public sealed record CurriculumBin(string Name, int MaxTurns);
