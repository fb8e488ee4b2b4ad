namespace SweLego.Sandboxes.Probes;

public static partial class SandboxProbes
{
    private const string OvercommitRatio = "/proc/sys/vm/overcommit_ratio";

    private static IEnumerable<SandboxProbe> Writes() =>
    [
        WriteMarker("write.etc", "A file written to /etc in the sandbox does not appear in the host's /etc.", () => "/etc"),
        WriteMarker("write.usr", "A file written to /usr in the sandbox does not appear in the host's /usr.", () => "/usr"),
        WriteMarker("write.home", "A file written to the host user's home path does not appear in the host's home folder.", () => HostHome),
        WriteMarker("write.host-tmp", "A file written to /tmp in the sandbox does not appear in the host's /tmp.", () => "/tmp"),

        // A global (not per-namespace) sysctl, written with the value it already has.
        new("write.proc-sys", $"{OvercommitRatio} (a host-wide sysctl) cannot be written (the probe writes back the value it reads).", async (run, ct) =>
        {
            string before = (await File.ReadAllTextAsync(OvercommitRatio, ct)).Trim();
            var result = await run.ExecAsync(
                $"f={OvercommitRatio}; v=$(cat $f) && printf '%s\\n' \"$v\" > $f && echo \"WROTE $f (the same value, $v)\"", ct);
            string after = (await File.ReadAllTextAsync(OvercommitRatio, ct)).Trim();
            if (after != before) return ProbeVerdict.NotContained($"{OvercommitRatio} changed on the host from {before} to {after}");
            return result.Output.Contains("WROTE", StringComparison.Ordinal)
                ? ProbeVerdict.NotContained(ProbeEvidence.Lines(result.Output, "WROTE"))
                : ProbeVerdict.Contained(ProbeEvidence.FirstLine(result.Output));
        }),

        new("write.sys", "Kernel and cgroup files under /sys (THP, uevent_helper, release_agent) cannot be opened for writing (nothing is written).", async (run, ct) =>
        {
            var result = await run.ExecAsync(Python(ProbeScripts.SysOpen), ct);
            var opened = result.Output.Split('\n').Where(l => l.StartsWith("OPENED", StringComparison.Ordinal)).ToList();
            if (opened.Count > 0) return ProbeVerdict.NotContained($"{opened.Count} opened for writing, e.g. {opened[0]["OPENED ".Length..]}");
            return result.Output.Contains("DENIED", StringComparison.Ordinal) || result.Output.Contains("ABSENT", StringComparison.Ordinal)
                ? ProbeVerdict.Contained(ProbeEvidence.FirstLine(result.Output))
                : throw Unexpected(result);
        }),
    ];

    private static SandboxProbe WriteMarker(string id, string description, Func<string> directory) => new(id, description, async (run, ct) =>
    {
        string path = run.MarkerPath(directory());
        var result = await run.ExecAsync($"echo swelego-probe > {Q(path)} && echo \"WROTE {path}\"", ct);
        bool onHost = File.Exists(path);
        if (onHost) return ProbeVerdict.NotContained($"{path} appeared on the host");
        return ProbeVerdict.Contained(result.Output.Contains("WROTE", StringComparison.Ordinal)
            ? $"written inside the sandbox only; {path} is not on the host"
            : ProbeEvidence.FirstLine(result.Output));
    });
}
