namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>The procedural mutators by stable id, for the pipeline and the <c>--methods</c> option.</summary>
public static class BugMutators
{
    /// <summary>Every mutator, in a fixed order.</summary>
    public static IReadOnlyList<IBugMutator> All { get; } =
    [
        new FlipComparisonMutator(),
        new NegateConditionMutator(),
        new SwapIfElseMutator(),
        new RemoveBranchMutator(),
        new RemoveLoopMutator(),
        new RemoveStatementMutator(),
        new OffByOneMutator(),
        new SwapOperandsMutator(),
        new ChangeBoolOpMutator(),
        new ChangeArithOpMutator(),
        new DropReturnValueMutator(),
        new ChangeDefaultArgMutator(),
        new SwapStatementsMutator(),
        new RemoveExceptHandlerMutator(),
        new RemoveRaiseMutator(),
        new SwapCallArgsMutator(),
    ];

    /// <summary>The mutator with id <paramref name="id"/> (exact, case-sensitive).</summary>
    /// <exception cref="ArgumentException">No mutator has that id; the message lists the ids.</exception>
    public static IBugMutator Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return All.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal))
            ?? throw new ArgumentException($"unknown bug mutator '{id}'; known: {KnownIds}", nameof(id));
    }

    /// <summary>
    /// The mutators named by ids or id prefixes (<c>py.flip_comparison</c>, <c>py.remove_</c>, <c>py.</c>),
    /// without duplicates, in the order of <see cref="All"/>. Each entry must match at least one mutator.
    /// </summary>
    /// <exception cref="ArgumentException">An entry matches nothing, or there are no entries.</exception>
    public static IReadOnlyList<IBugMutator> Select(IEnumerable<string> idsOrPrefixes)
    {
        ArgumentNullException.ThrowIfNull(idsOrPrefixes);
        var selected = new HashSet<IBugMutator>();
        int count = 0;
        foreach (string entry in idsOrPrefixes)
        {
            count++;
            string trimmed = entry?.Trim() ?? string.Empty;
            var matches = All.Where(m => trimmed.Length > 0 && m.Id.StartsWith(trimmed, StringComparison.Ordinal)).ToList();
            if (matches.Count == 0)
            {
                throw new ArgumentException($"no bug mutator matches '{entry}'; known: {KnownIds}", nameof(idsOrPrefixes));
            }

            selected.UnionWith(matches);
        }

        if (count == 0)
        {
            throw new ArgumentException($"no bug mutators named; known: {KnownIds}", nameof(idsOrPrefixes));
        }

        return [.. All.Where(selected.Contains)];
    }

    private static string KnownIds => string.Join(", ", All.Select(m => m.Id));
}
