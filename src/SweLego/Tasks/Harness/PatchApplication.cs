namespace SweLego.Tasks.Harness;

/// <summary>
/// The result of <see cref="TaskSandbox.ApplyPatchAsync"/>: whether the patch applied, the command
/// that applied it, and every attempt in order. <see cref="Log"/> is what the SWE-bench harness
/// writes to run_instance.log for the same steps (its markers included).
/// </summary>
public sealed record PatchApplication(bool Applied, string? Command, IReadOnlyList<PatchAttempt> Attempts)
{
    /// <summary>The harness's marker of an applied patch.</summary>
    public const string AppliedMarker = ">>>>> Applied Patch";

    /// <summary>The harness's marker of a patch that no command applied.</summary>
    public const string FailedMarker = ">>>>> Patch Apply Failed";

    /// <summary>The last attempt's output, in one line (for rejection reasons).</summary>
    public string Problem => Applied ? "" : string.Join(' ', Attempts[^1].Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The attempts as log lines: each failed command named, then the marker with the deciding command's output.</summary>
    public string Log
    {
        get
        {
            var log = new System.Text.StringBuilder();
            foreach (var attempt in Attempts.Where(a => !a.Succeeded)) log.Append($"Failed to apply patch: {attempt.Command} (exit {attempt.ExitCode})\n{attempt.Output.TrimEnd()}\n");
            if (Applied) log.Append($"{AppliedMarker} ({Command}):\n{Attempts.Last(a => a.Succeeded).Output.TrimEnd()}\n");
            else log.Append($"{FailedMarker}:\n{Attempts[^1].Output.TrimEnd()}\n");
            return log.ToString();
        }
    }
}
