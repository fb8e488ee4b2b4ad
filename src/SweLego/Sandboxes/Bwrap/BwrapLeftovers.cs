namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// Removes what bwrap sessions of swelego processes that are gone left behind — their
/// cgroups (with any process still in them) and scratch folders — which a SIGKILL of the
/// owner leaves. Names carry the owner (<see cref="SandboxOwner.Token"/>), so a live
/// process's sessions are never touched.
/// </summary>
public static class BwrapLeftovers
{
    /// <summary>Scratch folders in the temp folder: <c>swelego-bwrap-&lt;pid&gt;-&lt;start ticks&gt;-&lt;random&gt;</c>.</summary>
    public const string ScratchPrefix = "swelego-bwrap-";

    /// <summary>Session cgroups under <c>&lt;hierarchy&gt;/swelego/</c>: <c>s-&lt;pid&gt;-&lt;start ticks&gt;-&lt;nonce&gt;</c>.</summary>
    public const string CgroupPrefix = "s-";

    private static readonly Lazy<int> Once = new(Reap);

    /// <summary>Reaps once per process (the CLI's start or the first bwrap session); later calls return 0.</summary>
    public static int ReapOnce() => Once.IsValueCreated ? 0 : Once.Value;

    /// <summary>Reaps now; returns how many cgroups and folders were removed.</summary>
    public static int Reap()
    {
        int removed = 0;
        foreach (string name in SafeList(SessionCgroup.ExistingNames))
        {
            if (!name.StartsWith(CgroupPrefix, StringComparison.Ordinal)) continue;
            // Cgroups named before owners were recorded are removed once nothing runs in them.
            bool gone = OwnerOf(name[CgroupPrefix.Length..]) is { } owner ? owner.IsGone() : SessionCgroup.IsEmpty(name);
            if (!gone) continue;
            try { SessionCgroup.Remove(name); removed++; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* busy; the next start tries again */ }
        }

        foreach (string dir in SafeList(() => Directory.EnumerateDirectories(Path.GetTempPath(), ScratchPrefix + "*")))
        {
            if (OwnerOf(Path.GetFileName(dir)[ScratchPrefix.Length..]) is not { } owner || !owner.IsGone()) continue;
            try { Directory.Delete(dir, recursive: true); removed++; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* next time */ }
        }

        return removed;
    }

    // "<pid>-<ticks>-<rest>" → the owner; null for names of another form.
    private static SandboxOwner? OwnerOf(string tail)
    {
        string[] parts = tail.Split('-', 3);
        return parts.Length == 3 ? SandboxOwner.Parse($"{parts[0]}-{parts[1]}") : null;
    }

    private static List<string> SafeList(Func<IEnumerable<string>> list)
    {
        try { return [.. list()]; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }
}
