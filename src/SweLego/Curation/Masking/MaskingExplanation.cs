using System.Globalization;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;

namespace SweLego.Curation.Masking;

/// <summary>
/// A trajectory's turns with their masking decisions as text lines (<c>swelego curate explain</c>): a summary,
/// then per turn its number, MASKED or kept, the rule, the tool and command (first line), and the evidence.
/// </summary>
public static class MaskingExplanation
{
    private const int ActionWidth = 100;

    public static IReadOnlyList<string> Render(Trajectory trajectory, IReadOnlyList<TurnDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Count != trajectory.Steps.Count)
            throw new ArgumentException($"{decisions.Count} decisions for {trajectory.Steps.Count} turns of {trajectory.InstanceId}", nameof(decisions));

        int ruleWidth = Math.Max(4, decisions.Max(d => (int?)d.Rule.Length) ?? 0);
        var lines = new List<string> { Summary(trajectory, decisions), $"turn  decision  {"rule".PadRight(ruleWidth)}  action" };
        for (int i = 0; i < decisions.Count; i++)
        {
            var decision = decisions[i];
            string number = decision.Turn.ToString(CultureInfo.InvariantCulture).PadLeft(4);
            lines.Add($"{number}  {(decision.Masked ? "MASKED" : "kept"),-8}  {decision.Rule.PadRight(ruleWidth)}  {Action(trajectory.Steps[i])}");
            if (decision.Evidence is { } evidence) lines.Add($"{new string(' ', 18 + ruleWidth)}evidence: {evidence}");
        }

        return lines;
    }

    private static string Summary(Trajectory trajectory, IReadOnlyList<TurnDecision> decisions)
    {
        static string Counts(IEnumerable<TurnDecision> group) =>
            string.Join(", ", group.GroupBy(d => d.Rule).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));

        var masked = decisions.Where(d => d.Masked).ToList();
        var exempt = decisions.Where(d => !d.Masked && d.Rule != TurnDecision.Clean).ToList();
        string text = $"{trajectory.InstanceId} #{trajectory.RolloutId}: {decisions.Count} turns, {masked.Count} masked";
        if (masked.Count > 0) text += $" ({Counts(masked)})";
        if (exempt.Count > 0) text += $", {exempt.Count} kept by exemptions ({Counts(exempt)})";
        return text;
    }

    /// <summary>The tool and what it was asked to do, on one line.</summary>
    private static string Action(TrajectoryStep step)
    {
        if (step.CallError is not null) return "(malformed call)";
        if (step.Call is not { } call) return "(no call)";
        string what = call.Name switch
        {
            _ when call.Name == ExecuteBashTool.Schema.Name => call.Arguments["command"]?.ToString() ?? "",
            StrReplaceEditorTool.Name => $"{call.Arguments["command"]} {call.Arguments["path"]}",
            _ => "",
        };
        string[] lines = what.Trim().Split('\n');
        string first = lines[0].TrimEnd() + (lines.Length > 1 ? " …" : "");
        string action = first.Length == 0 ? call.Name : $"{call.Name}: {first}";
        return action.Length <= ActionWidth ? action : action[..(ActionWidth - 1)] + "…";
    }
}
