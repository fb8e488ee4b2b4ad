using SweLego.Agent.Trajectories;

namespace SweLego.Curation.Masking;

/// <summary>
/// Decides, for each assistant turn of a trajectory, whether it is trained or masked and by which rule.
/// Pure (the decisions depend on the trajectory and the rules only) and thread-safe: one instance can serve
/// every worker. A turn is decided by the first mask rule that matches; an exemption listed for that rule
/// whose command condition matches keeps it trained (its id is the decision's rule); malformed calls and
/// turns without a call are never exempt.
/// </summary>
public sealed class StepMasker(MaskingRules rules)
{
    public MaskingRules Rules { get; } = rules;

    /// <summary>One decision per step, in order; <see cref="TurnDecision.Turn"/> is the step's position (1-based).</summary>
    public IReadOnlyList<TurnDecision> Decide(Trajectory trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        var created = new CreatedFiles();
        var decisions = new TurnDecision[trajectory.Steps.Count];
        for (int i = 0; i < decisions.Length; i++) decisions[i] = Decide(TurnView.Create(trajectory.Steps[i], i + 1, created), i + 1);
        return decisions;
    }

    private TurnDecision Decide(TurnView turn, int number)
    {
        foreach (var rule in Rules.Mask)
        {
            if (rule.Match(turn) is not { } evidence) continue;
            foreach (var exemption in Rules.Exempt)
            {
                if (exemption.Match(turn, rule.Id) is { } why)
                    return new TurnDecision(number, Masked: false, exemption.Id, RulePattern.Evidence($"{why} (exempts {rule.Id}: {evidence})"));
            }

            return new TurnDecision(number, Masked: true, rule.Id, evidence);
        }

        return new TurnDecision(number, Masked: false, TurnDecision.Clean);
    }
}
