namespace SweLego.Curation.Stats;

/// <summary>
/// Turns per rule from the kept records' decisions; tokens per rule from <c>report.json</c>'s rule list (the records
/// do not split their tokens by turn). Rules appear most turns first; a rule only the report names keeps 0 turns.
/// </summary>
internal sealed class MaskingAccumulator
{
    private readonly Dictionary<string, (int Turns, bool Masks)> _rules = new(StringComparer.Ordinal);
    private int _turns, _masked;

    public void Add(IReadOnlyList<TurnDecision> decisions)
    {
        foreach (var decision in decisions)
        {
            _turns++;
            if (decision.Masked) _masked++;
            var (turns, masks) = _rules.GetValueOrDefault(decision.Rule);
            _rules[decision.Rule] = (turns + 1, masks || decision.Masked);
        }
    }

    public MaskingStats ToStats(CurationReport? report, ICollection<string> notes)
    {
        var reported = report?.Rules.ToDictionary(r => r.Rule, StringComparer.Ordinal);
        long? assistantTokens = reported?.Values.Sum(r => r.Tokens);
        long? maskedTokens = reported?.Values.Where(r => r.Masks).Sum(r => r.Tokens);
        var names = _rules.Keys.Union(reported?.Keys ?? Enumerable.Empty<string>(), StringComparer.Ordinal);
        var rules = names.Select(name =>
            {
                var (turns, masks) = _rules.TryGetValue(name, out var seen) ? seen : (0, reported![name].Masks);
                long? tokens = reported is null ? null : reported.TryGetValue(name, out var rule) ? rule.Tokens : 0;
                return new RuleShare(name, masks, turns, Share(turns, _turns), tokens, tokens is { } t ? Share(t, assistantTokens!.Value) : null);
            })
            .OrderByDescending(r => r.Turns).ThenBy(r => r.Rule, StringComparer.Ordinal)
            .ToList();

        foreach (var rule in rules)
        {
            if (reported is not null && reported.TryGetValue(rule.Rule, out var counted) && counted.Turns != rule.Turns)
                notes.Add($"report.json counts {counted.Turns} turns for rule '{rule.Rule}' but kept.jsonl has {rule.Turns}: the report may be from another curation of this run.");
        }

        return new MaskingStats(_turns, _masked, Share(_masked, _turns), assistantTokens, maskedTokens,
            maskedTokens is { } m ? Share(m, assistantTokens!.Value) : null, rules);
    }

    /// <summary>part / whole, or null when the whole is 0.</summary>
    internal static double? Share(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
