namespace SweLego.Curation.Masking;

/// <summary>
/// A rule that keeps a masked turn trained because of what its command does (running tests, a reproduction
/// script), where failing is expected. It overrides only the mask rules in <see cref="Exempts"/>; its
/// filters (<see cref="Tools"/>, <see cref="ExitCode"/>) must hold and one of its command conditions must match.
/// </summary>
public sealed record Exemption(string Id, string Description, IReadOnlyList<string> Exempts)
{
    /// <summary>The tools it applies to; empty = every tool.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    public ExitCodeCondition? ExitCode { get; init; }

    /// <summary>Matches one of the turn's simple commands.</summary>
    public RulePattern? Command { get; init; }

    /// <summary>Matches the last simple command (the one whose exit code the shell reports).</summary>
    public RulePattern? LastCommand { get; init; }

    /// <summary>A simple command runs a file the agent created earlier in the trajectory (or earlier in the same command).</summary>
    public bool CreatedScript { get; init; }

    /// <summary>The evidence (what in the command matched) when this exemption overrides <paramref name="maskRule"/> on <paramref name="turn"/>, otherwise null.</summary>
    internal string? Match(TurnView turn, string maskRule)
    {
        if (turn.Kind != TurnKind.Call || !Exempts.Contains(maskRule) || Tools.Count > 0 && !Tools.Contains(turn.Tool)) return null;
        if (ExitCode is { } exit && !exit.Holds(turn.ExitCode)) return null;
        if (Command is { } command && turn.Segments.Select(command.Find).FirstOrDefault(e => e is not null) is { } found) return found;
        if (LastCommand is { } last && turn.Segments.Count > 0 && last.Find(turn.Segments[^1]) is { } ending) return ending;
        return CreatedScript ? turn.CreatedScriptRun() : null;
    }

    /// <summary>The exemption's fields after its id, as YAML key and value text.</summary>
    public IEnumerable<(string Key, string Value)> Fields()
    {
        if (Description.Length > 0) yield return ("description", RulesYaml.Quote(Description));
        yield return ("exempts", RulesYaml.List(Exempts));
        if (Tools.Count > 0) yield return ("tools", RulesYaml.List(Tools));
        if (ExitCode is { } exit) yield return ("exit-code", RulesYaml.List(exit.Items()));
        if (Command is { } command) yield return ("command", RulesYaml.Quote(command.Source));
        if (LastCommand is { } last) yield return ("last-command", RulesYaml.Quote(last.Source));
        if (CreatedScript) yield return ("created-script", "true");
    }
}
