using System.Globalization;

namespace SweLego.Sandboxes.Probes;

public static partial class SandboxProbes
{
    // Overshoot allowed past the workspace disk limit (a watcher sees writes a little late).
    private const long DiskSlackBytes = 32L << 20;

    // Host memory the probe run may allocate while a command writes 2 GB of output.
    private const long OutputAllocationBound = 256L << 20;

    private static readonly TimeSpan LimitTimeout = TimeSpan.FromSeconds(60);

    private static IEnumerable<SandboxProbe> Limits() =>
    [
        new("fork-bomb", "A fork bomb hits the process limit, is reported and cleaned up; the session stays usable.", async (run, ct) =>
        {
            var bomb = await run.ExecAsync("bomb() { bomb | bomb & }; bomb; sleep 4", ct, LimitTimeout);
            bool alive = await run.IsAliveAsync(ct);
            return ProbeVerdict.Judge(bomb.ProcessLimitHit && alive, $"{ProbeEvidence.Describe(bomb)}; {Usable(alive)}");
        }),

        new("memory-8g", "Allocating 8 GiB is stopped at the memory limit, reported (MemoryLimitHit and a note); the session stays usable.", async (run, ct) =>
        {
            var hog = await run.ExecAsync(Python(ProbeScripts.MemoryHog), ct, LimitTimeout);
            bool alive = await run.IsAliveAsync(ct);
            bool survived = hog.Output.Contains("SURVIVED", StringComparison.Ordinal);
            return ProbeVerdict.Judge(
                hog.MemoryLimitHit && ProbeEvidence.HasNote(hog, "memory") && !survived && alive,
                $"{(survived ? "the 8 GiB allocation succeeded; " : "")}{ProbeEvidence.Describe(hog)}; {Usable(alive)}");
        }),

        new("memory-8g-then-echo", "A memory hog followed by `echo done` (the command exits 0) is still reported as hitting the memory limit.", async (run, ct) =>
        {
            var hog = await run.ExecAsync($"{Python(ProbeScripts.MemoryHog)}; echo done", ct, LimitTimeout);
            bool alive = await run.IsAliveAsync(ct);
            bool echoed = hog.Output.Contains("done", StringComparison.Ordinal);
            return ProbeVerdict.Judge(
                hog.MemoryLimitHit && ProbeEvidence.HasNote(hog, "memory") && echoed && alive,
                $"{(echoed ? "" : "echo did not run; ")}{ProbeEvidence.Describe(hog)}; {Usable(alive)}");
        }),

        new("output-2g", "2 GB of output is stopped at the output limit and reported, with bounded host memory; the session stays usable.", async (run, ct) =>
        {
            await run.SessionAsync(ct);
            long before = GC.GetTotalAllocatedBytes(precise: true);
            var flood = await run.ExecAsync("yes | head -c 2000000000", ct, TimeSpan.FromSeconds(120));
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            bool alive = await run.IsAliveAsync(ct);
            return ProbeVerdict.Judge(
                flood.OutputLimitHit && ProbeEvidence.HasNote(flood, "output") && allocated < OutputAllocationBound && alive,
                $"{ProbeEvidence.Mib(flood.OutputBytes)} read, {ProbeEvidence.Mib(allocated)} allocated on the host (bound {ProbeEvidence.Mib(OutputAllocationBound)}); " +
                $"{ProbeEvidence.Describe(flood)}; {Usable(alive)}");
        }),

        new("hang", "A command that never ends (and ignores Ctrl-C) times out; the session stays usable.", async (run, ct) =>
        {
            var timeout = TimeSpan.FromSeconds(3);
            var hang = await run.ExecAsync(Python(ProbeScripts.Hang), ct, timeout);
            bool alive = await run.IsAliveAsync(ct);
            return ProbeVerdict.Judge(
                hang.TimedOut && !hang.SessionEnded && hang.Duration < timeout + TimeSpan.FromSeconds(20) && alive,
                $"{ProbeEvidence.Describe(hang)}; {Usable(alive)}");
        }),

        new("double-fork", "Double-forked background processes that outlive their command do not block the next command and are gone after the session.", async (run, ct) =>
        {
            string argument = $"600.{Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}";
            run.OnTeardown(() => KillHostSleeps(argument));
            await run.ExecAsync($"(setsid sleep {argument} &) ; (sleep {argument} &) ; echo started", ct);
            var after = await run.ExecAsync("echo after", ct, TimeSpan.FromSeconds(30));
            bool nextWorks = after.Output == "after\n";
            int outlived = HostSleeps(argument).Count;
            await run.EndSessionAsync();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (HostSleeps(argument).Count > 0 && DateTime.UtcNow < deadline) await Task.Delay(50, ct);
            int left = HostSleeps(argument).Count;
            return ProbeVerdict.Judge(nextWorks && left == 0,
                $"the next command {(nextWorks ? "worked" : $"did not work ({ProbeEvidence.Describe(after)})")}; " +
                $"{outlived} background process(es) outlived their command, {left} still ran 15 s after the session ended");
        }),

        new("fill.workspace", "Filling the workspace past the disk limit is stopped with a note; the host gets at most the limit plus slack; the session stays usable.", async (run, ct) =>
        {
            long limit = run.Limits.DiskBytes;
            long attempt = limit * 3;
            var fill = await run.ExecAsync($"head -c {attempt.ToString(CultureInfo.InvariantCulture)} /dev/zero > swelego-fill.bin; echo \"exit $?\"", ct, LimitTimeout);
            long onHost = HostBytes(run.HostWorkspace);
            bool alive = await run.IsAliveAsync(ct);
            bool noted = ProbeEvidence.HasNote(fill, "disk") || ProbeEvidence.HasNote(fill, "workspace");
            return ProbeVerdict.Judge(noted && onHost <= limit + DiskSlackBytes && alive,
                $"{ProbeEvidence.Mib(onHost)} of {ProbeEvidence.Mib(attempt)} landed on the host (limit {ProbeEvidence.Mib(limit)} + {ProbeEvidence.Mib(DiskSlackBytes)} slack); " +
                $"{ProbeEvidence.Describe(fill)}; {Usable(alive)}");
        }),

        FillTmpfs("fill.tmp", "/tmp", limits => limits.TmpBytes),
        FillTmpfs("fill.shm", "/dev/shm", limits => limits.ShmBytes),
    ];

    // Three times the size limit: "No space left on device" when the size holds, and still well below the memory limit.
    private static SandboxProbe FillTmpfs(string id, string directory, Func<SandboxLimits, long> size) => new(id,
        $"Filling {directory} past its size stops with \"No space left on device\"; the session stays usable.", async (run, ct) =>
        {
            long limit = size(run.Limits);
            string file = $"{directory}/swelego-fill-{run.Nonce}";
            var fill = await run.ExecAsync(
                $"head -c {(limit * 3).ToString(CultureInfo.InvariantCulture)} /dev/zero > {file}; echo \"exit $?\"; stat -c 'SIZE %s' {file}; rm -f {file}", ct, LimitTimeout);
            bool alive = await run.IsAliveAsync(ct);
            bool full = fill.Output.Contains("No space left on device", StringComparison.Ordinal);
            return ProbeVerdict.Judge(full && alive,
                $"{ProbeEvidence.Lines(fill.Output, "head:", "SIZE", "stat:")} (size limit {ProbeEvidence.Mib(limit)}); {Usable(alive)}");
        });

    private static string Usable(bool alive) => alive ? "the session stayed usable" : "the session was NOT usable afterwards";

    private static long HostBytes(string directory) =>
        new DirectoryInfo(directory).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.LinkTarget is null ? f.Length : 0);

    // Processes whose command line is exactly `sleep <argument>` (only the probe's own).
    private static List<int> HostSleeps(string argument)
    {
        var pids = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) continue;
            string[] argv;
            try { argv = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0'); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            if (argv.Length >= 2 && Path.GetFileName(argv[0]) == "sleep" && argv[1] == argument) pids.Add(pid);
        }

        return pids;
    }

    private static void KillHostSleeps(string argument)
    {
        foreach (int pid in HostSleeps(argument))
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Gone meanwhile.
            }
        }
    }
}
