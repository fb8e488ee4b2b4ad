using SweLego.Tasks.Git;

namespace SweLego.Tasks;

/// <summary>
/// The repository an agent works in for a task: a clone of the run's repository mirror at the
/// instance's base commit, sanitized so that nothing from after that commit (the fix, later
/// commits, tags, reflog entries, stored objects) can be found — no "git hacking".
/// </summary>
public static class TaskWorkspaces
{
    /// <param name="destination">A folder that does not exist yet.</param>
    /// <returns>What the sanitizer removed, with the clean audit that proves it.</returns>
    public static async Task<SanitizationResult> CreateRealAsync(TaskInstance instance, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        string full = Path.GetFullPath(destination);
        if (Directory.Exists(full) || File.Exists(full)) throw new IOException($"'{full}' already exists; a task workspace needs a new folder.");
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        // --no-local: a private copy of the objects, so pruning the workspace never touches the mirror.
        await new GitCommand(parent).RunAsync(["clone", "--quiet", "--no-local", "--no-checkout", instance.Environment.RepositoryMirror, full], cancellationToken);
        return await HistorySanitizer.SanitizeForRealTaskAsync(full, instance.BaseCommit, cancellationToken);
    }
}
