using System.Globalization;
using System.Security.Cryptography;

namespace SweLego.Sandboxes.Probes;

public static partial class SandboxProbes
{
    private static string HostHome => Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static IEnumerable<SandboxProbe> Reads() =>
    [
        new("read.etc-shadow", "The host's /etc/shadow is unreadable, or what the sandbox reads there is another file.", async (run, ct) =>
        {
            // Hashes only: the report never carries the file's content.
            string? host = File.Exists("/etc/shadow") ? Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync("/etc/shadow", ct))) : null;
            var result = await run.ExecAsync("sha256sum /etc/shadow", ct);
            string seen = ProbeEvidence.FirstLine(result.Output);
            if (result.ExitCode != 0) return ProbeVerdict.Contained($"unreadable: {seen}");
            string inside = seen.Split(' ')[0];
            return ProbeVerdict.Judge(inside != host, inside == host
                ? "the sandbox read the host's /etc/shadow (same SHA-256)"
                : $"/etc/shadow in the sandbox is another file (SHA-256 {inside[..Math.Min(12, inside.Length)]}… differs from the host's)");
        }),

        ReadMarker("read.root-home", "A marker file in the host user's home folder cannot be read at its host path.", () => HostHome),
        ReadMarker("read.run-folder", "A marker in a run folder on the host (under /var/tmp) cannot be read at its host path.",
            () => Path.Combine("/var/tmp", $"swelego-probe-run-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}")),
        ReadMarker("read.swelego-cache", "A marker in the host's ~/.cache/swelego (environments, caches) cannot be read at its host path.",
            () => Path.Combine(HostHome, ".cache", "swelego")),

        new("read.proc-environ", "The environment of a host process (a secret variable) is invisible in the sandbox's /proc.", async (run, ct) =>
        {
            string name = $"SWELEGO_PROBE_SECRET_{run.Nonce.ToUpperInvariant()}";
            var bait = run.StartHostProcess(new Dictionary<string, string> { [name] = ProbeContext.NewSecret() });
            var result = await run.ExecAsync(Python(ProbeScripts.Environ, bait.Pid.ToString(CultureInfo.InvariantCulture), name), ct);
            string seen = ProbeEvidence.Lines(result.Output, "FOUND", "NOTFOUND");
            if (result.Output.Contains("NOTFOUND", StringComparison.Ordinal)) return ProbeVerdict.Contained($"host pid {bait.Pid}: {seen}");
            return result.Output.Contains("FOUND", StringComparison.Ordinal)
                ? ProbeVerdict.NotContained($"read the secret variable of host pid {bait.Pid}: {seen}")
                : throw Unexpected(result);
        }),
    ];

    private static SandboxProbe ReadMarker(string id, string description, Func<string> directory) => new(id, description, async (run, ct) =>
    {
        string secret = ProbeContext.NewSecret();
        string path = run.PlantMarker(directory(), secret);
        var result = await run.ExecAsync($"cat {Q(path)}", ct);
        return result.Output.Contains(secret, StringComparison.Ordinal)
            ? ProbeVerdict.NotContained($"read the host's marker {path}")
            : ProbeVerdict.Contained(ProbeEvidence.FirstLine(result.Output));
    });
}
