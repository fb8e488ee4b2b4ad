namespace SweLego.Sandboxes.Probes;

/// <summary>How a probe ended. Anything but <see cref="Contained"/> counts as an escape.</summary>
public enum ProbeStatus
{
    /// <summary>The sandbox held: the probe's attempt failed or stayed inside.</summary>
    Contained,

    /// <summary>The attempt reached the host or a limit did not hold.</summary>
    NotContained,

    /// <summary>The probe itself failed (it threw, or did not finish in time): nothing was shown to hold.</summary>
    Error,
}
