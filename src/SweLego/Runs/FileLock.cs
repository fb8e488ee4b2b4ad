using System.Diagnostics;

namespace SweLego.Runs;

/// <summary>
/// An exclusive advisory lock held on a hidden sidecar file (<c>.NAME.lock</c>), shared by
/// threads and processes alike. .NET takes a flock(2) for <see cref="FileShare.None"/>; the
/// kernel drops it when the holder dies, so a SIGKILLed process never leaves a stale lock.
/// The data file itself is not locked because readers must stay able to open it.
/// </summary>
internal sealed class FileLock : IDisposable
{
    // EWOULDBLOCK on Linux: .NET reports a held flock as IOException with this HResult.
    private const int LockHeld = 11;

    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    /// <summary>The sidecar lock file that guards <paramref name="path"/>.</summary>
    public static string LockPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.lock");

    /// <summary>Takes the lock on <paramref name="path"/>, or returns null at once if someone holds it.</summary>
    public static FileLock? TryAcquire(string path)
    {
        var lockPath = LockPathFor(path);
        Directory.CreateDirectory(Path.GetDirectoryName(lockPath)!);
        try
        {
            return new FileLock(new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException exception) when (exception.HResult == LockHeld)
        {
            return null;
        }
    }

    /// <summary>Takes the lock on <paramref name="path"/>, waiting up to <paramref name="timeout"/> for its holder.</summary>
    public static FileLock Acquire(string path, TimeSpan timeout)
    {
        var stopwatch = Stopwatch.StartNew();
        var delay = 1;
        while (true)
        {
            var acquired = TryAcquire(path);
            if (acquired is not null)
            {
                return acquired;
            }

            if (stopwatch.Elapsed >= timeout)
            {
                throw new IOException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for another process to release '{LockPathFor(path)}'.");
            }

            // flock has no timed wait that .NET exposes; back off so a long holder costs little CPU.
            Thread.Sleep(delay);
            delay = Math.Min(delay * 2, 50);
        }
    }

    public void Dispose() => stream.Dispose();
}
