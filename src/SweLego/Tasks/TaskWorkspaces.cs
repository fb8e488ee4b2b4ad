using SweLego.Tasks.Git;

namespace SweLego.Tasks;

/// <summary>
/// The repository an agent works in for a task. Real task: a clone of the run's repository
/// mirror at the instance's base commit, sanitized so that nothing from after that commit (the
/// fix, later commits, tags, reflog entries, stored objects) can be found — no "git hacking".
/// Synthetic task: the original commit with the bug applied, its history replaced by one root
/// commit with a fixed signature, so the same bug always gives the same base commit.
/// </summary>
public static class TaskWorkspaces
{
    /// <param name="runDirectory">The run folder the instance was read from: its mirror path is relative to it.</param>
    /// <param name="destination">A folder that does not exist yet.</param>
    /// <returns>What the sanitizer removed, with the clean audit that proves it.</returns>
    public static async Task<SanitizationResult> CreateRealAsync(TaskInstance instance, string runDirectory, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        string full = await CloneAsync(instance.Environment.MirrorPath(runDirectory), destination, privateObjects: true, cancellationToken);
        return await HistorySanitizer.SanitizeForRealTaskAsync(full, instance.BaseCommit, cancellationToken);
    }

    /// <summary>The buggy state of <paramref name="originalCommit"/> + <paramref name="bugPatch"/> as one root commit; returns its id.</summary>
    /// <param name="mirror">A repository holding <paramref name="originalCommit"/> (the run's mirror).</param>
    public static async Task<string> CreateSyntheticAsync(
        string mirror, string originalCommit, string bugPatch, string message, string destination, CancellationToken cancellationToken = default)
    {
        // The clone's .git is replaced below, so it may borrow the mirror's objects instead of copying them all.
        string full = await CloneAsync(mirror, destination, privateObjects: false, cancellationToken);
        var git = new GitCommand(full);
        await git.RunAsync(["checkout", "--quiet", "--detach", originalCommit], cancellationToken);
        await git.RunAsync(["apply", "--whitespace=nowarn", "-"], bugPatch, cancellationToken);
        Directory.Delete(Path.Combine(full, ".git"), recursive: true);
        return await HistorySanitizer.ResetToSingleCommitAsync(full, message, cancellationToken);
    }

    /// <summary>The synthetic instance's workspace; its single commit is the instance's base commit.</summary>
    /// <param name="runDirectory">The run folder the instance was read from: its mirror path is relative to it.</param>
    public static async Task<string> CreateSyntheticAsync(TaskInstance instance, string runDirectory, string destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.OriginalCommit is null || instance.BugPatch is null) throw new ArgumentException($"{instance.InstanceId} is not a synthetic instance.", nameof(instance));
        return await CreateSyntheticAsync(instance.Environment.MirrorPath(runDirectory), instance.OriginalCommit, instance.BugPatch, SyntheticCommitMessage, destination, cancellationToken);
    }

    /// <summary>The message of a synthetic workspace's only commit.</summary>
    public const string SyntheticCommitMessage = "Initial commit";

    /// <param name="privateObjects">Copy the objects (--no-local), so pruning the workspace never touches the mirror; otherwise borrow them (--shared).</param>
    private static async Task<string> CloneAsync(string mirror, string destination, bool privateObjects, CancellationToken cancellationToken)
    {
        string full = Path.GetFullPath(destination);
        if (Directory.Exists(full) || File.Exists(full)) throw new IOException($"'{full}' already exists; a task workspace needs a new folder.");
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        await new GitCommand(parent).RunAsync(["clone", "--quiet", privateObjects ? "--no-local" : "--shared", "--no-checkout", mirror, full], cancellationToken);
        return full;
    }
}
