namespace SweLego.Evaluation.Metrics;

/// <summary>
/// The metrics of a set of predictions: all of them, one source (real, synthetic, a dataset) or one
/// repository. <see cref="ResolveRate"/> is resolved predictions over predictions (with one
/// prediction per instance, the harness's resolved instances over instances);
/// <see cref="Pass1"/> averages each instance's own resolve rate, so an instance with more
/// rollouts does not weigh more; <see cref="PassAtK"/> runs k = 1 … <see cref="MinRollouts"/>,
/// the most every instance of the group can be drawn from. Rates are 0 for an empty group.
/// </summary>
public sealed record MetricsGroup
{
    public required string Name { get; init; }

    public required int Instances { get; init; }

    public required int Predictions { get; init; }

    /// <summary>Resolved predictions.</summary>
    public required int Resolved { get; init; }

    /// <summary>Instances with at least one resolved prediction.</summary>
    public required int ResolvedInstances { get; init; }

    public required int Errors { get; init; }

    public required int EmptyPatches { get; init; }

    public required double ResolveRate { get; init; }

    /// <summary>Mean over instances of resolved rollouts / rollouts.</summary>
    public required double Pass1 { get; init; }

    /// <summary>Fewest predictions any instance of the group has.</summary>
    public required int MinRollouts { get; init; }

    public required int MaxRollouts { get; init; }

    public required IReadOnlyList<PassAtKValue> PassAtK { get; init; }
}
