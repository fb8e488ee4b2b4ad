using System.Globalization;

namespace SweLego.Tasks.Git;

/// <summary>
/// Prepares the repository an agent works in so that git cannot reveal the solution
/// (spec §1.3): real tasks keep only the history up to the base commit, synthetic tasks keep
/// no history at all.
/// </summary>
public static class HistorySanitizer
{
    /// <summary>The branch a sanitized workspace is on; a neutral name that says nothing about the task.</summary>
    public const string BranchName = "main";

    /// <summary>Author and committer of the single commit of a synthetic task.</summary>
    public const string SignatureName = "SweLego";

    /// <inheritdoc cref="SignatureName"/>
    public const string SignatureEmail = "swelego@localhost";

    /// <summary>Author and committer date of that commit (2000-01-01T00:00:00Z), fixed so its id is reproducible.</summary>
    public static readonly DateTimeOffset SignatureDate = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Turns a clone into a real-task workspace at <paramref name="baseCommit"/>: checks it out
    /// on <see cref="BranchName"/>, drops the working tree's untracked files, removes every
    /// remote, every other branch and ref, every tag dated after the base commit or naming a
    /// commit outside its history, the reflog, the stash and the state files git keeps
    /// (ORIG_HEAD, FETCH_HEAD, rr-cache, …), then prunes every unreachable object. Ignored files
    /// (build output, an editable install's metadata) are left alone.
    /// </summary>
    /// <returns>What was removed, and an audit that is clean.</returns>
    /// <exception cref="GitException">Not a repository, an unknown base commit, a git failure, or a leak the audit still finds.</exception>
    public static async Task<SanitizationResult> SanitizeForRealTaskAsync(string repoDir, string baseCommit, CancellationToken cancellationToken)
    {
        var repo = await GitRepository.OpenAsync(repoDir, cancellationToken);
        var git = repo.Git;
        var resolvedBase = await repo.ResolveCommitAsync(baseCommit, cancellationToken);
        var baseDate = await repo.CommitDateAsync(resolvedBase, cancellationToken);
        var ancestors = await repo.AncestorsAsync(resolvedBase, cancellationToken);

        // In-progress operations and linked worktrees first: they can block the checkout or keep refs alive.
        DeleteStateFiles(repo, keepAlternates: true);
        await git.RunAsync(["checkout", "--quiet", "--force", "--no-recurse-submodules", "--no-track", "-B", BranchName, resolvedBase], cancellationToken);
        await git.RunAsync(["clean", "--quiet", "-ffd"], cancellationToken);

        var remotes = (await git.RunAsync(["remote"], cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var remote in remotes)
        {
            await git.RunAsync(["remote", "remove", remote], cancellationToken);
        }

        var (deleted, keptTags) = await DeleteRefsAsync(repo, ancestors, baseDate, cancellationToken);

        // Objects borrowed from another repository's store cannot be pruned here: copy what the
        // workspace needs into its own pack, then cut the link.
        if (File.Exists(repo.GitPath("objects/info/alternates")))
        {
            await git.RunAsync(["-c", "repack.updateServerInfo=false", "repack", "-a", "-d", "--quiet"], cancellationToken);
        }

        DeleteStateFiles(repo, keepAlternates: false);
        // gc never repacks objects in a pack marked .keep, and those may be future commits.
        var packs = repo.GitPath("objects/pack");
        foreach (var keep in Directory.Exists(packs) ? Directory.EnumerateFiles(packs, "*.keep") : [])
        {
            File.Delete(keep);
        }

        await git.RunAsync(["reflog", "expire", "--expire=now", "--expire-unreachable=now", "--all"], cancellationToken);
        DeleteDirectory(repo.GitPath("logs"));
        await git.RunAsync(
            ["-c", "gc.cruftPacks=false", "-c", "gc.writeCommitGraph=false", "-c", "repack.updateServerInfo=false", "-c", "gc.rerereResolved=0", "-c", "gc.rerereUnresolved=0",
             "gc", "--quiet", "--prune=now"],
            cancellationToken);

        var audit = await HistoryAudit.AuditAsync(repo.WorkingDirectory, resolvedBase, cancellationToken);
        if (!audit.IsClean)
        {
            throw new GitException($"sanitization of {repo.WorkingDirectory} left {audit.Leaks.Count} leak(s); first: {audit.Leaks[0]}");
        }

        return new SanitizationResult(resolvedBase, BranchName, remotes, deleted, keptTags, audit);
    }

    /// <summary>
    /// Replaces all history with one root commit of the current files (ignored files stay on disk,
    /// uncommitted). Author, committer and dates are fixed, so the same files and message always
    /// give the same commit id. Nested <c>.git</c> entries (vendored clones, submodules) go too.
    /// </summary>
    /// <returns>The id of the new commit.</returns>
    public static async Task<string> ResetToSingleCommitAsync(string repoDir, string message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        var root = Path.GetFullPath(repoDir);
        if (!Directory.Exists(root))
        {
            throw new GitException($"{root} does not exist");
        }

        DeleteNestedGitEntries(root);
        var date = SignatureDate.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        var git = new GitCommand(root, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = SignatureName,
            ["GIT_AUTHOR_EMAIL"] = SignatureEmail,
            ["GIT_AUTHOR_DATE"] = date,
            ["GIT_COMMITTER_NAME"] = SignatureName,
            ["GIT_COMMITTER_EMAIL"] = SignatureEmail,
            ["GIT_COMMITTER_DATE"] = date,
        });

        // An empty template: no sample hooks, no description, nothing that varies with the host's git.
        await git.RunAsync(["init", "--quiet", "--template=", "--initial-branch=" + BranchName], cancellationToken);
        await git.RunAsync(["add", "--all"], cancellationToken);
        // Plumbing rather than `git commit`: no hooks, no COMMIT_EDITMSG, no message clean-up, no reflog.
        var tree = (await git.RunAsync(["write-tree"], cancellationToken)).Trim();
        var commit = (await git.RunAsync(["commit-tree", tree, "-m", message], cancellationToken)).Trim();
        await git.RunAsync(["-c", "core.logAllRefUpdates=false", "update-ref", "refs/heads/" + BranchName, commit], cancellationToken);
        DeleteDirectory(Path.Combine(root, ".git", "logs"));
        return commit;
    }

    private static async Task<(IReadOnlyList<string> Deleted, IReadOnlyList<string> KeptTags)> DeleteRefsAsync(
        GitRepository repo, HashSet<string> ancestors, DateTimeOffset baseDate, CancellationToken cancellationToken)
    {
        var keep = "refs/heads/" + BranchName;
        var branches = new List<string>();
        var others = new List<string>();
        var keptTags = new List<string>();
        foreach (var gitRef in await repo.ListRefsAsync(cancellationToken))
        {
            if (gitRef.Name == keep)
            {
                continue;
            }

            if (gitRef.Name.StartsWith("refs/tags/", StringComparison.Ordinal) && GitRepository.IsAllowedTag(gitRef, ancestors, baseDate))
            {
                keptTags.Add(gitRef.Name);
            }
            else if (gitRef.Name.StartsWith("refs/heads/", StringComparison.Ordinal))
            {
                branches.Add(gitRef.Name);
            }
            else
            {
                others.Add(gitRef.Name);
            }
        }

        // `branch -D` also drops the branch's config section (its name can describe the fix).
        if (branches.Count > 0)
        {
            await repo.Git.RunAsync(["branch", "--quiet", "-D", "--", .. branches.Select(b => b["refs/heads/".Length..])], cancellationToken);
        }

        if (others.Count > 0)
        {
            await repo.Git.RunAsync(["update-ref", "--stdin"], string.Concat(others.Select(r => $"delete {r}\n")), cancellationToken);
        }

        return ([.. branches, .. others], keptTags);
    }

    private static void DeleteStateFiles(GitRepository repo, bool keepAlternates)
    {
        foreach (var path in GitStateFiles.Present(repo.GitDirectory))
        {
            var full = repo.GitPath(path);
            if (keepAlternates && path == "objects/info/alternates")
            {
                continue;
            }

            if (Directory.Exists(full))
            {
                DeleteDirectory(full);
            }
            else
            {
                File.Delete(full);
            }
        }
    }

    private static void DeleteNestedGitEntries(string root)
    {
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            foreach (var entry in new DirectoryInfo(pending.Pop()).EnumerateFileSystemInfos())
            {
                // Symlinks are removed or skipped, never followed: a link out of the workspace must not lead us elsewhere.
                var isRealDirectory = entry is DirectoryInfo && entry.LinkTarget is null;
                if (entry.Name == ".git")
                {
                    if (isRealDirectory) { DeleteDirectory(entry.FullName); }
                    else { File.Delete(entry.FullName); }
                }
                else if (isRealDirectory)
                {
                    pending.Push(entry.FullName);
                }
            }
        }
    }

    private static void DeleteDirectory(string path)
    {
        try { Directory.Delete(path, recursive: true); }
        catch (DirectoryNotFoundException) { }
    }
}
