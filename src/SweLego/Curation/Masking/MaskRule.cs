namespace SweLego.Curation.Masking;

/// <summary>
/// A rule that masks a turn: all of its conditions hold (see default-rules.yaml for the fields). Immutable;
/// its patterns are compiled once and shared by every thread.
/// </summary>
public sealed record MaskRule(string Id, string Description)
{
    public TurnKind Turn { get; init; } = TurnKind.Call;

    /// <summary>The tools it applies to; empty = every tool.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    public RulePattern? Observation { get; init; }

    /// <summary>Must match one of the turn's simple commands.</summary>
    public RulePattern? Command { get; init; }

    /// <summary>The rule does not apply when every simple command of the turn matches it.</summary>
    public RulePattern? UnlessCommand { get; init; }

    public ExitCodeCondition? ExitCode { get; init; }

    /// <summary>The evidence when the rule matches <paramref name="turn"/>, otherwise null.</summary>
    internal string? Match(TurnView turn)
    {
        if (turn.Kind != Turn || Tools.Count > 0 && !Tools.Contains(turn.Tool)) return null;
        if (Turn == TurnKind.Malformed) return RulePattern.Evidence(turn.Observation);
        if (Turn == TurnKind.NoCall) return RulePattern.Evidence(turn.Reply);
        if (ExitCode is { } exit && !exit.Holds(turn.ExitCode)) return null;
        if (UnlessCommand is { } unless && turn.Segments.Count > 0 && turn.Segments.All(unless.IsMatch)) return null;

        string? evidence = null;
        if (Observation is { } observation && (evidence = observation.Find(turn.Observation)) is null) return null;
        if (Command is { } command)
        {
            string? found = turn.Segments.Select(command.Find).FirstOrDefault(e => e is not null);
            if (found is null) return null;
            evidence ??= found;
        }

        return evidence ?? (turn.ExitCode is { } code ? $"exit code {code}" : "no exit code");
    }

    /// <summary>The rule's fields after its id, as YAML key and value text (for <c>--dump</c>, the content hash and reports).</summary>
    public IEnumerable<(string Key, string Value)> Fields()
    {
        if (Description.Length > 0) yield return ("description", RulesYaml.Quote(Description));
        if (Turn != TurnKind.Call) yield return ("turn", RulesYaml.TurnWord(Turn));
        if (Tools.Count > 0) yield return ("tools", RulesYaml.List(Tools));
        if (ExitCode is { } exit) yield return ("exit-code", RulesYaml.List(exit.Items()));
        if (Observation is { } observation) yield return ("observation", RulesYaml.Quote(observation.Source));
        if (Command is { } command) yield return ("command", RulesYaml.Quote(command.Source));
        if (UnlessCommand is { } unless) yield return ("unless-command", RulesYaml.Quote(unless.Source));
    }
}
