namespace SweLego.Curation.Stats;

/// <summary>Records and tokens per curriculum bin (the bin each kept record names), then the cumulative stages.</summary>
internal sealed class CurriculumAccumulator(CurriculumBins bins, string keptPath)
{
    private readonly Dictionary<string, (int Records, TokenCounts Tokens)> _bins = new(StringComparer.Ordinal);

    public void Add(KeptSummary record)
    {
        if (!bins.Bins.Any(b => b.Name == record.Bin))
        {
            throw new Runs.RunDataException(
                $"{keptPath}: record {record.InstanceId}#{record.RolloutId} is in curriculum bin '{record.Bin}', which is not one of {bins} (report.json's settings, or the default).",
                keptPath);
        }

        var (records, tokens) = _bins.GetValueOrDefault(record.Bin, (0, TokenCounts.Zero));
        _bins[record.Bin] = (records + 1, tokens.Add(record.Tokens));
    }

    public IReadOnlyList<CurriculumSplit> ToSplits()
    {
        var splits = new List<CurriculumSplit>();
        int records = 0;
        var tokens = TokenCounts.Zero;
        for (int i = 0; i < bins.Bins.Count; i++)
        {
            var bin = bins.Bins[i];
            var (binRecords, binTokens) = _bins.GetValueOrDefault(bin.Name, (0, TokenCounts.Zero));
            records += binRecords;
            tokens = tokens.Add(binTokens);
            splits.Add(new CurriculumSplit(i + 1, bin.Name, i == 0 ? 1 : bins.Bins[i - 1].MaxTurns + 1, bin.MaxTurns, binRecords, binTokens, records, tokens));
        }

        return splits;
    }
}
