using System.Net;
using System.Net.Sockets;

namespace SweLego.Sandboxes.Probes;

public static partial class SandboxProbes
{
    private static IEnumerable<SandboxProbe> Network() =>
    [
        new("net.loopback", "A TCP listener on the host's 127.0.0.1 cannot be reached from the sandbox.", async (run, ct) =>
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            string port = ((IPEndPoint)listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var result = await run.ExecAsync(Python(ProbeScripts.Connect, "127.0.0.1", port), ct);
            bool reached = listener.Pending() || result.Output.Contains("CONNECTED", StringComparison.Ordinal);
            return ProbeVerdict.Judge(!reached, reached
                ? $"the host's listener on 127.0.0.1:{port} got a connection from the sandbox"
                : ProbeEvidence.Lines(result.Output, "REFUSED"));
        }),

        new("net.dns", "The sandbox has no network: no interface but lo, no route out, names do not resolve (no query is sent otherwise).", async (run, ct) =>
        {
            var result = await run.ExecAsync(Python(ProbeScripts.Dns), ct);
            string seen = ProbeEvidence.Lines(result.Output, "NETWORK", "RESOLVED", "UNRESOLVED");
            if (result.Output.Contains("UNRESOLVED", StringComparison.Ordinal)) return ProbeVerdict.Contained(seen);
            if (result.Output.Contains("NETWORK", StringComparison.Ordinal) || result.Output.Contains("RESOLVED", StringComparison.Ordinal))
                return ProbeVerdict.NotContained(seen);
            throw Unexpected(result);
        }),

        new("socket.host-run", "No unix socket under the host's /run and /var/run (Docker's included) accepts a connection from the sandbox.", async (run, ct) =>
        {
            // Bait of our own, so a host without daemons is probed too; it also tells the host side a connection came.
            using var bait = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            string? baitPath = TryListen(bait, run);
            var paths = HostRunSockets().Append(baitPath).OfType<string>().Distinct().ToList();
            var result = await run.ExecAsync(Python(ProbeScripts.UnixSockets, [.. paths]), ct);
            var connected = result.Output.Split('\n').Where(l => l.StartsWith("CONNECTED", StringComparison.Ordinal)).ToList();
            bool baitReached = baitPath is not null && bait.Poll(0, SelectMode.SelectRead);
            if (connected.Count > 0 || baitReached)
            {
                string example = connected.FirstOrDefault(l => l.Contains("docker", StringComparison.Ordinal)) ?? connected.FirstOrDefault() ?? $"CONNECTED {baitPath}";
                return ProbeVerdict.NotContained($"connected to {Math.Max(connected.Count, 1)} of {paths.Count} host sockets, e.g. {example["CONNECTED ".Length..]}");
            }

            return result.Output.Contains("DENIED", StringComparison.Ordinal)
                ? ProbeVerdict.Contained($"all {paths.Count} host sockets refused, e.g. {ProbeEvidence.FirstLine(Example(result.Output))}")
                : throw Unexpected(result);
        }),
    ];

    // The Docker socket's line when there is one: the socket that matters most.
    private static string Example(string output) =>
        output.Split('\n').FirstOrDefault(l => l.Contains("docker.sock", StringComparison.Ordinal)) ?? output;

    private static string? TryListen(Socket socket, ProbeContext run)
    {
        string path = $"/run/swelego-probe-{run.Nonce}.sock";
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(path));
            socket.Listen(4);
            run.OnTeardown(() => File.Delete(path));
            return path;
        }
        catch (Exception e) when (e is SocketException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // Bound unix sockets of the host's network namespace (/proc/net/unix), under /run or /var/run.
    private static List<string> HostRunSockets()
    {
        string[] lines;
        try { lines = File.ReadAllLines("/proc/net/unix"); }
        catch (IOException) { return []; }

        return lines.Skip(1)
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 8)
            .Select(f => f[7])
            .Where(p => (p.StartsWith("/run/", StringComparison.Ordinal) || p.StartsWith("/var/run/", StringComparison.Ordinal)) && File.Exists(p))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
