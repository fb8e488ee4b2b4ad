using SweLego.Agent.Trajectories;

namespace SweLego.Rollouts.Audit;

/// <summary>
/// Audits one trajectory with <see cref="HackRules"/>: every <c>execute_bash</c> command and every editor path, step by
/// step. Commit ids count as seen once they appeared in the instruction or an earlier observation (the agent read them in
/// the base history), so only ids from nowhere, or from output the audit already flagged, are foreign.
/// </summary>
public static class HackAudit
{
    public static IReadOnlyList<HackFlag> Audit(Trajectory trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        string name = trajectory.Repo.Split('/')[^1].ToLowerInvariant();
        IReadOnlyCollection<string> project = [name, name.Replace('-', '_'), .. name.StartsWith("py", StringComparison.Ordinal) && name.Length > 4 ? [name[2..]] : Array.Empty<string>()];
        var seen = new List<string> { trajectory.BaseCommit.ToLowerInvariant() };
        seen.AddRange(trajectory.Messages.Where(m => m.Role == "user").Take(1).SelectMany(m => HackRules.CommitIds(m.Content)));
        bool Seen(string id) => seen.Any(s => s.StartsWith(id, StringComparison.Ordinal) || id.StartsWith(s, StringComparison.Ordinal));

        var flags = new List<HackFlag>();
        foreach (var step in trajectory.Steps)
        {
            if (step.Call is { } call)
            {
                if (call.Name == "execute_bash" && call.Arguments["command"]?.GetValue<string>() is { } command
                    && (call.Arguments["is_input"]?.GetValue<string>() ?? "false") != "true")
                {
                    flags.AddRange(HackRules.Check(command, project, Seen).Select(rule => new HackFlag(step.Index, rule, Excerpt(command))));
                }
                else if (call.Name == "str_replace_editor" && call.Arguments["path"]?.GetValue<string>() is { } path && HackRules.ReadsInstalledCopy(path, project))
                {
                    flags.Add(new HackFlag(step.Index, HackRules.InstalledCopy, path));
                }
            }

            if (step.Observation is { } observation && !flags.Any(f => f.Step == step.Index)) seen.AddRange(HackRules.CommitIds(observation));
        }

        return flags;
    }

    private static string Excerpt(string command) => command.Length <= 300 ? command : command[..300] + "…";
}

/// <summary>One flagged step: its turn number, the rule (<see cref="HackRules"/>) and the command or path.</summary>
public sealed record HackFlag(int Step, string Rule, string Command);
