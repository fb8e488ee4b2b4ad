using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Probes;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego sandbox probe</c>: run the escape/limit probes against a backend.</summary>
internal static partial class SandboxCommands
{
    private static Command CreateProbe()
    {
        var backend = CommonOptions.Backend();
        var dockerHost = CommonOptions.DockerHost();
        var rootFs = CommonOptions.RootFs();
        var only = new Option<string[]>("--only")
        {
            Description = "Run only these probes (ids, e.g. net.loopback read.etc-shadow memory-8g); default: all of them.",
            HelpName = "ID",
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (per probe: id, status, evidence, commands) instead of a table." };

        var probe = new Command("probe",
            "Attack the sandbox like hostile code would and check that it holds: network and host sockets, host secrets " +
            "(/etc/shadow, home, run folders, ~/.cache/swelego, /proc environ), writes to the host, /proc/sys and /sys, mount, " +
            "unshare, chroot, setuid, mknod, keyring, ptrace/kill of host processes, and the limits (fork bomb, 8 GiB, 2 GB of " +
            "output, a hang, double forks, a full workspace, /tmp and /dev/shm). Each probe runs in a fresh session with small " +
            "limits and stays harmless when it escapes (it only touches its own markers and processes). Exits 1 when any probe " +
            "is not contained. The backend must run on this machine (the probes judge this host's state).\n\n" +
            $"Probes: {string.Join(", ", SandboxProbes.Ids)}\n\n" +
            "Examples:\n" +
            "  swelego sandbox probe\n" +
            "  swelego sandbox probe --backend docker --only socket.host-run write.proc-sys --json");
        foreach (var option in (Option[])[backend, dockerHost, rootFs, only, json]) probe.Options.Add(option);
        probe.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<SandboxProbe> probes;
            try { probes = SandboxProbes.Select(parse.GetValue(only) ?? []); }
            catch (ArgumentException e) { throw new UsageException(e.Message, e); }

            var runnerBackend = SandboxBackends.Create(parse.GetValue(backend)!, parse.GetValue(dockerHost), parse.GetValue(rootFs));
            bool asJson = parse.GetValue(json);
            var console = CliConsole.ForOutput();
            SandboxProbeReport? report = null;
            int started = 0;
            if (!asJson && !Console.IsOutputRedirected)
            {
                await console.Status().StartAsync($"Probing the {runnerBackend.Name} sandbox", async status =>
                {
                    var runner = new SandboxProbeRunner(runnerBackend, new SandboxProbeRunOptions
                    {
                        Started = p => status.Status(Markup.Escape($"[{++started}/{probes.Count}] {p.Id}: {p.Description}")),
                    });
                    report = await runner.RunAsync(probes, cancellationToken);
                });
            }
            else
            {
                // Piped: progress goes to stderr, so stdout holds only the table or the JSON.
                var runner = new SandboxProbeRunner(runnerBackend, new SandboxProbeRunOptions
                {
                    Finished = r => Console.Error.WriteLine($"[{++started}/{probes.Count}] {r.Id}: {(r.IsContained ? "contained" : "NOT contained")}"),
                });
                report = await runner.RunAsync(probes, cancellationToken);
            }

            if (asJson) Console.Out.WriteLine(JsonSerializer.Serialize(report, RunJson.IndentedOptions));
            else WriteTable(console, report!);
            return report!.AllContained ? 0 : CliApp.Failure;
        });
        return probe;
    }

    private static void WriteTable(IAnsiConsole console, SandboxProbeReport report)
    {
        var table = new Table().AddColumns("probe", "result", "evidence");
        foreach (var result in report.Results)
        {
            string verdict = result.Status switch
            {
                ProbeStatus.Contained => "[green]contained[/]",
                ProbeStatus.NotContained => "[red]NOT contained[/]",
                _ => "[red]NOT contained (error)[/]",
            };
            table.AddRow(Markup.Escape(result.Id), verdict, Markup.Escape(result.Evidence));
        }

        console.Write(table);
        string summary = $"{report.Backend}: {report.Contained} of {report.Results.Count} probes contained, {report.NotContained} NOT contained, {report.Errors} errors.";
        console.MarkupLine(report.AllContained ? $"[green]{Markup.Escape(summary)}[/]" : $"[red]{Markup.Escape(summary)}[/]");
    }
}
