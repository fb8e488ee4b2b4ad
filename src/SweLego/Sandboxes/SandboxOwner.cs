using System.Globalization;

namespace SweLego.Sandboxes;

/// <summary>
/// The swelego process that owns a sandbox: boot id, pid and the pid's start time, so a reused
/// pid is never mistaken for the owner. Docker labels, bwrap cgroup names and scratch folders
/// carry it; at start-up every backend reaps what owners that are gone left behind.
/// </summary>
public sealed record SandboxOwner(string BootId, int Pid, long StartTicks)
{
    private static readonly Lazy<SandboxOwner> Self = new(() => Of(Environment.ProcessId) ?? throw new SandboxException("Cannot read this process's /proc entry."));

    /// <summary>This process.</summary>
    public static SandboxOwner Current => Self.Value;

    /// <summary>This machine's boot id (owners recorded under another boot id are never judged).</summary>
    public static string CurrentBootId { get; } = ReadBootId();

    /// <summary>Compact form for names and labels: <c>&lt;pid&gt;-&lt;start ticks&gt;</c> (the boot id goes in its own label).</summary>
    public string Token => $"{Pid.ToString(CultureInfo.InvariantCulture)}-{StartTicks.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Label form: <c>&lt;boot id&gt;/&lt;pid&gt;-&lt;start ticks&gt;</c>.</summary>
    public override string ToString() => $"{BootId}/{Token}";

    /// <summary>Parses <see cref="ToString"/> (or <see cref="Token"/> with this boot id); null when malformed.</summary>
    public static SandboxOwner? Parse(string text)
    {
        string bootId = CurrentBootId;
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0) (bootId, text) = (text[..slash], text[(slash + 1)..]);
        string[] parts = text.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out long ticks)
            ? new SandboxOwner(bootId, pid, ticks)
            : null;
    }

    /// <summary>
    /// True when the owner is certainly gone: it ran on this boot of this machine and its pid is
    /// free or belongs to a later process. Owners on other machines or boots are never judged gone
    /// here (a shared Docker daemon serves other hosts too).
    /// </summary>
    public bool IsGone() => BootId == CurrentBootId && Of(Pid)?.StartTicks != StartTicks;

    private static SandboxOwner? Of(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }

        // "pid (comm) state ppid ..." — comm may contain spaces and parentheses; fields restart after the last ')'.
        string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out long start)
            ? new SandboxOwner(CurrentBootId, pid, start)
            : null;
    }

    private static string ReadBootId()
    {
        try { return File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim(); }
        catch (IOException) { return "unknown-boot"; }
    }
}
