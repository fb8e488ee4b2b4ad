using System.Diagnostics;
using System.Globalization;

namespace SweLego.Sandboxes.Shell;

/// <summary>
/// Enforces <see cref="SandboxLimits.DiskBytes"/> on a session's host directories. While a
/// command runs it looks every <see cref="Tick"/> at the bytes in use on the file systems
/// holding them (statvfs, one system call each): the tree cannot have grown by more than the
/// sum of their increases since the last walk, so it walks the tree (summing allocated blocks)
/// only when that bound passes the limit, and every <see cref="FullWalkEvery"/> anyway (other
/// writers on a shared file system can hide growth by deleting at the same time). A walk costs
/// time in proportion to the files, so walks are spaced at least ten times their own duration
/// apart. RLIMIT_FSIZE (set by the shell) keeps one file from outgrowing the limit between two
/// looks.
/// </summary>
internal sealed class DiskWatcher : IDisposable
{
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan FullWalkEvery = TimeSpan.FromSeconds(1);

    private readonly string[] _roots;
    private readonly string[] _fileSystems;
    private readonly Lock _measureLock = new();
    private readonly Timer _timer;
    private long[] _usedBefore;
    private long _grown;
    private long _usage = -1;
    private long _lastWalk;
    private TimeSpan _walkCost;
    private Action<long>? _onExceeded;
    private int _generation;
    private int _ticking;

    /// <param name="roots">Host directories whose contents count (the workspace).</param>
    public DiskWatcher(IReadOnlyList<string> roots, long limitBytes)
    {
        _roots = [.. roots.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal)];
        // One representative path per file system: statvfs answers for the whole file system.
        _fileSystems = [.. _roots.GroupBy(r => DiskUsage.FileSystemOf(r)).Select(g => g.First())];
        _usedBefore = new long[_fileSystems.Length];
        LimitBytes = limitBytes;
        // Always ticking: between commands a tick returns at once, and starting and stopping a
        // timer for every command would cost each round trip.
        _timer = new Timer(_ => OnTick(), null, Tick, Tick);

        // The first walk sets the baseline before the first command needs it.
        _ = Task.Run(() => Measure(force: true));
    }

    public long LimitBytes { get; }

    /// <summary>Watches one command; <paramref name="onExceeded"/> gets the usage (once) when it passes the limit.</summary>
    public void Start(Action<long> onExceeded)
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _onExceeded, onExceeded);
    }

    public void Stop()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _onExceeded, null);
    }

    /// <summary>After a command: the usage when it is over the limit, else null. Usually one statvfs per file system.</summary>
    public long? CheckOver()
    {
        long usage = Measure(force: false);
        return usage > LimitBytes ? usage : null;
    }

    /// <summary>The note for the agent; <paramref name="stopped"/> when the watcher stopped the command.</summary>
    public string Note(long usage, bool stopped)
    {
        string used = Size(usage), limit = Size(LimitBytes);
        if (used == limit)
        {
            used = $"{usage.ToString("N0", CultureInfo.InvariantCulture)} bytes";
            limit += $" ({LimitBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)";
        }

        return $"The workspace uses {used}, over its disk limit of {limit}{(stopped ? "; the command was stopped" : "")}. Delete files to continue.";
    }

    public void Dispose() => _timer.Dispose();

    private void OnTick()
    {
        // Ticks never overlap: a slow walk makes the next ones return at once.
        if (Volatile.Read(ref _onExceeded) is null || Interlocked.Exchange(ref _ticking, 1) == 1) return;
        try
        {
            int generation = Volatile.Read(ref _generation);
            long usage = Measure(force: false, periodic: true);
            if (usage <= LimitBytes || Volatile.Read(ref _generation) != generation) return;
            Interlocked.Exchange(ref _onExceeded, null)?.Invoke(usage);
        }
        finally
        {
            Volatile.Write(ref _ticking, 0);
        }
    }

    // The last walk's usage plus every increase of the file systems seen since (an upper bound:
    // increases only, so a deletion elsewhere cannot cancel one of ours between two looks), or a
    // fresh walk when that bound passes the limit or a walk is due.
    private long Measure(bool force, bool periodic = false)
    {
        lock (_measureLock)
        {
            long now = Stopwatch.GetTimestamp();
            TimeSpan sinceWalk = Stopwatch.GetElapsedTime(_lastWalk, now);
            bool spaced = sinceWalk >= _walkCost * 10;
            long[] used = [.. _fileSystems.Select(f => DiskUsage.FileSystemUsed(f) ?? long.MaxValue)];
            for (int i = 0; i < used.Length; i++) _grown = SaturatingAdd(_grown, Math.Max(0, used[i] - _usedBefore[i]));
            _usedBefore = used;
            if (!force && _usage >= 0 && !(periodic && sinceWalk >= FullWalkEvery && spaced))
            {
                long bound = SaturatingAdd(_usage, _grown);
                if (bound <= LimitBytes || !spaced) return bound <= LimitBytes ? bound : _usage;
            }

            // Writes during the walk show up as growth at the next look: the bound stays an upper bound.
            _grown = 0;
            _usage = DiskUsage.Allocated(_roots);
            _lastWalk = Stopwatch.GetTimestamp();
            _walkCost = Stopwatch.GetElapsedTime(now, _lastWalk);
            return _usage;
        }
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => (bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture) + " GiB",
        >= 1L << 20 => (bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture) + " MiB",
        _ => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
    };
}
