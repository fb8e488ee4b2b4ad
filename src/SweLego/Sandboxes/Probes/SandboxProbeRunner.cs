using System.Diagnostics;

namespace SweLego.Sandboxes.Probes;

/// <summary>
/// Runs probes against a backend, each in a fresh session and workspace, one after another
/// (limit probes measure time and memory). A probe that throws or passes its deadline is an
/// error, counted as not contained; it never stops the probes after it.
/// </summary>
public sealed class SandboxProbeRunner(ISandboxBackend backend, SandboxProbeRunOptions? options = null)
{
    private readonly SandboxProbeRunOptions _options = options ?? new SandboxProbeRunOptions();

    /// <summary>Runs <paramref name="probes"/> (default: the whole catalogue, <see cref="SandboxProbes.All"/>).</summary>
    public async Task<SandboxProbeReport> RunAsync(IEnumerable<SandboxProbe>? probes = null, CancellationToken cancellationToken = default)
    {
        var results = new List<SandboxProbeResult>();
        foreach (var probe in probes ?? SandboxProbes.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await RunOneAsync(probe, cancellationToken));
        }

        return new SandboxProbeReport { Backend = backend.Name, Results = results };
    }

    /// <summary>Runs one probe; only cancellation through <paramref name="cancellationToken"/> escapes as an exception.</summary>
    public async Task<SandboxProbeResult> RunOneAsync(SandboxProbe probe, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(probe);
        _options.Started?.Invoke(probe);
        var clock = Stopwatch.StartNew();
        ProbeContext? context = null;
        ProbeVerdict verdict;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(probe.Deadline);
        try
        {
            context = new ProbeContext(backend, probe.Limits, _options.Spec);
            // Off the caller's thread (a body may block briefly on host checks); a body that ignores
            // its token is abandoned a little after the deadline, so it cannot hold up the others.
            verdict = await Task.Run(() => probe.RunAsync(context, deadline.Token), deadline.Token)
                .WaitAsync(probe.Deadline + TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (context is not null) await context.CloseAsync();
            throw;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            verdict = new ProbeVerdict(ProbeStatus.Error, $"the probe did not finish within its deadline of {probe.Deadline.TotalSeconds:0} s");
        }
        catch (Exception e)
        {
            verdict = new ProbeVerdict(ProbeStatus.Error, $"the probe failed: {e.GetType().Name}: {OneLine(e.Message)}");
        }

        IReadOnlyList<string> problems = context is null ? [] : await context.CloseAsync();
        if (problems.Count > 0)
        {
            // What could not be undone may itself be the escape (a marker that cannot be deleted).
            verdict = new ProbeVerdict(
                verdict.Status == ProbeStatus.Contained ? ProbeStatus.Error : verdict.Status,
                $"{verdict.Evidence}; and {string.Join("; ", problems.Select(OneLine))}");
        }

        var result = new SandboxProbeResult
        {
            Id = probe.Id,
            Description = probe.Description,
            Backend = backend.Name,
            Status = verdict.Status,
            Evidence = OneLine(verdict.Evidence),
            DurationSeconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            Commands = context?.Commands.ToList() ?? [],
        };
        _options.Finished?.Invoke(result);
        return result;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
