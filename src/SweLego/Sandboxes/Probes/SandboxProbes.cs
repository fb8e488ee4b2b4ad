namespace SweLego.Sandboxes.Probes;

/// <summary>
/// The catalogue of escape and limit probes, by stable id: <c>net.*</c> and <c>socket.*</c>
/// (network and host sockets), <c>read.*</c> (host secrets), <c>write.*</c> (host files, /proc/sys,
/// /sys), privileges (<c>mount</c>, <c>unshare</c>, <c>chroot</c>, <c>setuid</c>, <c>mknod</c>,
/// <c>keyring</c>, <c>ptrace-kill-host</c>) and limits (<c>fork-bomb</c>, <c>memory-*</c>,
/// <c>output-2g</c>, <c>hang</c>, <c>double-fork</c>, <c>fill.*</c>). The probes judge this
/// machine's state, so the backend must run here (a remote Docker host cannot be judged).
/// </summary>
public static partial class SandboxProbes
{
    private static readonly Lazy<IReadOnlyList<SandboxProbe>> Catalogue = new(() =>
    [
        .. Network(), .. Reads(), .. Writes(), .. Privileges(), .. Limits(),
    ]);

    /// <summary>Every probe, in a stable order.</summary>
    public static IReadOnlyList<SandboxProbe> All => Catalogue.Value;

    /// <summary>The ids of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Ids => [.. All.Select(p => p.Id)];

    /// <summary>The probe with this id; <see cref="ArgumentException"/> listing the known ids otherwise.</summary>
    public static SandboxProbe Find(string id) =>
        All.FirstOrDefault(p => p.Id == id)
        ?? throw new ArgumentException($"Unknown probe '{id}'; known probes: {string.Join(", ", Ids)}.");

    /// <summary>The named probes in catalogue order (all when <paramref name="ids"/> is empty); unknown ids throw.</summary>
    public static IReadOnlyList<SandboxProbe> Select(IReadOnlyCollection<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0) return All;
        foreach (string id in ids) Find(id);
        return [.. All.Where(p => ids.Contains(p.Id))];
    }

    private static string Python(string script, params string[] arguments) => ProbeScripts.Python(script, arguments);

    /// <summary>The probe's command did not print what it always prints: the probe itself failed (an error, not a verdict).</summary>
    private static InvalidOperationException Unexpected(ExecResult result) =>
        new($"the probe's command gave no verdict ({ProbeEvidence.Describe(result)}): {ProbeEvidence.FirstLine(result.Output)}");

    private static string Q(string value) => BashQuoting.Quote(value);
}
