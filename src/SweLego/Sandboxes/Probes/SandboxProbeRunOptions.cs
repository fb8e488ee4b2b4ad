namespace SweLego.Sandboxes.Probes;

/// <summary>Options of a <see cref="SandboxProbeRunner"/>.</summary>
public sealed record SandboxProbeRunOptions
{
    /// <summary>Called when a probe starts (progress display).</summary>
    public Action<SandboxProbe>? Started { get; init; }

    /// <summary>Called with each result as soon as its probe ends.</summary>
    public Action<SandboxProbeResult>? Finished { get; init; }

    /// <summary>
    /// Builds a probe's session spec from its fresh host workspace and its limits; the default is
    /// <c>new SandboxSpec { HostWorkspace = workspace, Limits = limits }</c>.
    /// </summary>
    public Func<string, SandboxLimits, SandboxSpec>? Spec { get; init; }
}
