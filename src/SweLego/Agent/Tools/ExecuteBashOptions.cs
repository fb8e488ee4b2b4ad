namespace SweLego.Agent.Tools;

/// <summary>
/// The shell tool's timeouts. A call without <c>timeout</c> returns after <see cref="NoOutputTimeout"/>
/// without new output, or after <see cref="DefaultTimeout"/>; a call with <c>timeout</c> waits for
/// exactly that long. Either way the command keeps running; the session's
/// <see cref="Sandboxes.SandboxLimits.CommandTimeout"/> is what finally kills it.
/// </summary>
public sealed record ExecuteBashOptions
{
    /// <summary>30 s, as the released evaluation sets it (the tool description says 10 s).</summary>
    public TimeSpan NoOutputTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The hard timeout of a call that sets none (OpenHands' sandbox timeout in the SWE-bench runs).</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(300);
}
