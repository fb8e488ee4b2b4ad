using System.Globalization;

namespace SweLego.Tasks.Git;

/// <summary>
/// Checks that a task workspace gives an agent no way to see past the base commit
/// (spec §1.3 and §5, "hack-free evaluation"). Refs, remotes, reflogs and state files are
/// checked, and so is every object in the database, loose or packed, reachable or not:
/// <c>git log --all</c> would miss a dangling commit, <c>git cat-file -p</c> would not.
/// </summary>
public static class HistoryAudit
{
    /// <summary>
    /// Audits <paramref name="repoDir"/>. With a <paramref name="baseCommit"/> (real task) the
    /// allowed history is the base commit and its ancestors; without one (synthetic task) it is
    /// HEAD alone, which must be a root commit.
    /// </summary>
    /// <exception cref="GitException">Not a repository, no HEAD commit, or an unknown base commit.</exception>
    public static async Task<AuditReport> AuditAsync(string repoDir, string? baseCommit, CancellationToken cancellationToken)
    {
        var repo = await GitRepository.OpenAsync(repoDir, cancellationToken);
        var head = await repo.TryResolveHeadAsync(cancellationToken)
            ?? throw new GitException($"{repo.WorkingDirectory} has no commit checked out (HEAD is unborn or broken)");
        var resolvedBase = baseCommit is null ? null : await repo.ResolveCommitAsync(baseCommit, cancellationToken);
        var root = resolvedBase ?? head;
        var rootDate = await repo.CommitDateAsync(root, cancellationToken);
        var allowedCommits = resolvedBase is null ? new HashSet<string> { head } : await repo.AncestorsAsync(resolvedBase, cancellationToken);

        var leaks = new List<AuditLeak>();
        if (resolvedBase is not null && head != resolvedBase)
        {
            leaks.Add(new AuditLeak(LeakKind.Head, "HEAD", $"HEAD is at {head}, not at the base commit {resolvedBase}") { ObjectId = head });
        }

        await AddRemoteLeaksAsync(repo, leaks, cancellationToken);
        var allowedTagObjects = await AddRefLeaksAsync(repo, resolvedBase is null, allowedCommits, rootDate, leaks, cancellationToken);
        AddReflogLeaks(repo, leaks);
        leaks.AddRange(GitStateFiles.Present(repo.GitDirectory).Select(path =>
            new AuditLeak(LeakKind.StateFile, path, $".git/{path} is present (it remembers commits, messages or objects beyond the workspace)")));
        var scanned = await AddObjectLeaksAsync(repo, root, resolvedBase is null, allowedCommits, allowedTagObjects, rootDate, leaks, cancellationToken);
        return new AuditReport(repo.WorkingDirectory, head, resolvedBase, leaks, scanned);
    }

    private static async Task AddRemoteLeaksAsync(GitRepository repo, List<AuditLeak> leaks, CancellationToken cancellationToken)
    {
        var names = (await repo.Git.RunAsync(["remote"], cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var urls = (await repo.Git.RunAsync(["remote", "-v"], cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('\t', 2))
            .Where(parts => parts.Length == 2)
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1].Split(" (", 2)[0], StringComparer.Ordinal);
        foreach (var name in names)
        {
            leaks.Add(new AuditLeak(LeakKind.Remote, name, $"remote '{name}' is configured ({urls.GetValueOrDefault(name, "no url")})"));
        }
    }

    private static async Task<HashSet<string>> AddRefLeaksAsync(
        GitRepository repo, bool synthetic, HashSet<string> allowedCommits, DateTimeOffset rootDate, List<AuditLeak> leaks, CancellationToken cancellationToken)
    {
        var currentBranch = await repo.CurrentBranchAsync(cancellationToken);
        var allowedTagObjects = new HashSet<string>(StringComparer.Ordinal);
        foreach (var gitRef in await repo.ListRefsAsync(cancellationToken))
        {
            var name = gitRef.Name;
            if (name == currentBranch)
            {
                continue;
            }

            if (name.StartsWith("refs/tags/", StringComparison.Ordinal))
            {
                if (!synthetic && GitRepository.IsAllowedTag(gitRef, allowedCommits, rootDate))
                {
                    allowedTagObjects.Add(gitRef.ObjectId);
                    continue;
                }

                var why = synthetic ? "a synthetic task keeps no tags"
                    : gitRef.PeeledType != "commit" ? $"it names a {gitRef.PeeledType} object, not a commit"
                    : !allowedCommits.Contains(gitRef.PeeledId ?? "") ? $"{gitRef.PeeledId} is not in the base commit's history"
                    : $"it was created {Iso(gitRef.Date)}, after the base commit ({Iso(rootDate)})";
                leaks.Add(new AuditLeak(LeakKind.Tag, name, $"tag {name[10..]} → {gitRef.PeeledId}: {why}") { ObjectId = gitRef.PeeledId, Date = gitRef.Date });
            }
            else if (name.StartsWith("refs/heads/", StringComparison.Ordinal))
            {
                leaks.Add(new AuditLeak(LeakKind.Branch, name, $"branch {name[11..]} → {gitRef.ObjectId} (only the checked-out branch may exist)") { ObjectId = gitRef.ObjectId });
            }
            else if (name.StartsWith("refs/remotes/", StringComparison.Ordinal))
            {
                leaks.Add(new AuditLeak(LeakKind.Remote, name, $"remote-tracking ref {name[13..]} → {gitRef.ObjectId}") { ObjectId = gitRef.ObjectId });
            }
            else if (name == "refs/stash")
            {
                leaks.Add(new AuditLeak(LeakKind.Stash, name, $"stash → {gitRef.ObjectId} (stashed work and its reflog)") { ObjectId = gitRef.ObjectId });
            }
            else
            {
                leaks.Add(new AuditLeak(LeakKind.Ref, name, $"ref {name} → {gitRef.ObjectId}") { ObjectId = gitRef.ObjectId });
            }
        }

        return allowedTagObjects;
    }

    // Read the files directly: `git reflog` only shows logs of refs that still exist.
    private static void AddReflogLeaks(GitRepository repo, List<AuditLeak> leaks)
    {
        var logs = repo.GitPath("logs");
        if (!Directory.Exists(logs))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(logs, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(repo.GitDirectory, file);
            foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
            {
                var fields = line.Split(' ', 3);
                var newId = fields.Length > 1 ? fields[1] : "";
                var message = line.Split('\t', 2).ElementAtOrDefault(1) ?? "";
                leaks.Add(new AuditLeak(LeakKind.Reflog, relative, $"reflog {relative}: → {newId} \"{message}\"") { ObjectId = newId });
            }
        }
    }

    private static async Task<int> AddObjectLeaksAsync(
        GitRepository repo, string root, bool synthetic, HashSet<string> allowedCommits, HashSet<string> allowedTagObjects,
        DateTimeOffset rootDate, List<AuditLeak> leaks, CancellationToken cancellationToken)
    {
        // Every object the allowed history needs; anything else in the database is a leak.
        List<string> revListArguments = synthetic
            ? ["rev-list", "--objects", "--no-walk", root]
            : ["rev-list", "--objects", root, .. allowedTagObjects];
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in (await repo.Git.RunAsync(revListArguments, cancellationToken)).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            reachable.Add(line.Split(' ', 2)[0]);
        }

        var objects = (await repo.Git.RunAsync(["cat-file", "--batch-all-objects", "--batch-check=%(objectname) %(objecttype)"], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToList();
        var leakedCommits = objects.Where(o => o[1] == "commit" && !allowedCommits.Contains(o[0])).Select(o => o[0]).ToList();
        if (leakedCommits.Count > 0)
        {
            var referenced = (await repo.Git.RunAsync(["rev-list", "--all"], cancellationToken))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            var details = await repo.Git.RunAsync(
                ["log", "--no-walk=unsorted", "--stdin", "--format=%H%x09%ct%x09%s"], string.Concat(leakedCommits.Select(c => c + "\n")), cancellationToken);
            var commits = details.Split('\n', StringSplitOptions.RemoveEmptyEntries)
                .Select(line => line.Split('\t', 3))
                .Select(p => (Id: p[0], Date: DateTimeOffset.FromUnixTimeSeconds(long.Parse(p[1], CultureInfo.InvariantCulture)), Subject: p.ElementAtOrDefault(2) ?? ""))
                .OrderByDescending(c => c.Date)
                .ThenBy(c => c.Id, StringComparer.Ordinal);
            foreach (var (id, date, subject) in commits)
            {
                var where = referenced.Contains(id) ? "reachable from a ref" : "dangling (no ref reaches it; git log --all does not show it)";
                var why = synthetic ? "a synthetic task keeps only HEAD's root commit"
                    : date > rootDate ? $"newer than the base commit ({Iso(rootDate)})"
                    : "not an ancestor of the base commit";
                leaks.Add(new AuditLeak(LeakKind.Commit, id, $"commit {id} ({Iso(date)}) \"{subject}\" {where}: {why}") { ObjectId = id, Date = date, Subject = subject });
            }
        }

        foreach (var o in objects.Where(o => o[1] != "commit" && !reachable.Contains(o[0])))
        {
            leaks.Add(new AuditLeak(LeakKind.UnreachableObject, o[0], $"{o[1]} {o[0]} is not reachable from the allowed history") { ObjectId = o[0] });
        }

        return objects.Count;
    }

    private static string Iso(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
