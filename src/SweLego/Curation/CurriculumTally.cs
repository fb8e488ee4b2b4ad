namespace SweLego.Curation;

/// <summary>
/// Records and tokens per curriculum bin, added one record at a time (streamed), then the stages: stage k trains on
/// bins 1..k, so its counts are cumulative. Shared by the curation report and <c>curate stats</c>.
/// </summary>
public sealed class CurriculumTally(CurriculumBins bins)
{
    private readonly Dictionary<string, (int Records, TokenCounts Tokens)> perBin = new(StringComparer.Ordinal);

    /// <summary>Counts a record of <paramref name="bin"/>; false (nothing counted) when the bins have no such name.</summary>
    public bool Add(string bin, TokenCounts tokens)
    {
        if (!bins.Bins.Any(b => b.Name == bin)) return false;
        var (records, sum) = perBin.GetValueOrDefault(bin, (0, TokenCounts.Zero));
        perBin[bin] = (records + 1, sum.Add(tokens));
        return true;
    }

    public IReadOnlyList<CurriculumStage> Stages()
    {
        var stages = new List<CurriculumStage>(bins.Bins.Count);
        int records = 0;
        var tokens = TokenCounts.Zero;
        for (int i = 0; i < bins.Bins.Count; i++)
        {
            var bin = bins.Bins[i];
            var (binRecords, binTokens) = perBin.GetValueOrDefault(bin.Name, (0, TokenCounts.Zero));
            records += binRecords;
            tokens = tokens.Add(binTokens);
            stages.Add(new CurriculumStage(i + 1, bin.Name, i == 0 ? 1 : bins.Bins[i - 1].MaxTurns + 1, bin.MaxTurns, binRecords, binTokens, records, tokens));
        }

        return stages;
    }
}
