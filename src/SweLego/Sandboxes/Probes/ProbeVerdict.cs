namespace SweLego.Sandboxes.Probes;

/// <summary>What a probe concluded, with one line of evidence a reader can check.</summary>
public sealed record ProbeVerdict(ProbeStatus Status, string Evidence)
{
    public static ProbeVerdict Contained(string evidence) => new(ProbeStatus.Contained, evidence);

    public static ProbeVerdict NotContained(string evidence) => new(ProbeStatus.NotContained, evidence);

    /// <summary><see cref="Contained"/> when <paramref name="contained"/>, else <see cref="NotContained"/>.</summary>
    public static ProbeVerdict Judge(bool contained, string evidence) => contained ? Contained(evidence) : NotContained(evidence);
}
