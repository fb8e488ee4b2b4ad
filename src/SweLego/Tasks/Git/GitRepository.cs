using System.Globalization;

namespace SweLego.Tasks.Git;

/// <summary>
/// A validated, non-bare, standalone working repository and the queries that both the
/// sanitizer and the audit need. Opening refuses anything the sanitizer could damage beyond
/// the folder it was given: a subfolder of another repository or a linked worktree (whose
/// refs and objects are shared with the main repository).
/// </summary>
internal sealed class GitRepository
{
    private GitRepository(GitCommand git, string gitDirectory)
    {
        Git = git;
        GitDirectory = gitDirectory;
    }

    public GitCommand Git { get; }

    /// <summary>Absolute path of the <c>.git</c> directory.</summary>
    public string GitDirectory { get; }

    public string WorkingDirectory => Git.WorkingDirectory;

    public static async Task<GitRepository> OpenAsync(string repoDir, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(repoDir);
        var git = new GitCommand(repoDir);
        if (!Directory.Exists(git.WorkingDirectory))
        {
            throw new GitException($"{git.WorkingDirectory} does not exist");
        }

        var result = await git.TryRunAsync(
            ["rev-parse", "--is-bare-repository", "--absolute-git-dir", "--git-common-dir", "--show-prefix"], null, cancellationToken);
        if (!result.Succeeded)
        {
            throw new GitException($"{git.WorkingDirectory} is not a git repository (git rev-parse: {GitException.OneLine(result.StandardError)})");
        }

        var lines = result.StandardOutput.Split('\n');
        if (lines.Length < 3 || lines[0] == "true")
        {
            throw new GitException($"{git.WorkingDirectory} is a bare repository; a task workspace needs a working tree");
        }

        var gitDirectory = lines[1];
        var commonDirectory = Path.GetFullPath(lines[2], git.WorkingDirectory);
        if (!string.Equals(Path.TrimEndingDirectorySeparator(commonDirectory), Path.TrimEndingDirectorySeparator(gitDirectory), StringComparison.Ordinal))
        {
            throw new GitException($"{git.WorkingDirectory} is a linked worktree of {commonDirectory}; use a standalone clone");
        }

        if (lines.Length > 3 && lines[3].Length > 0)
        {
            throw new GitException($"{git.WorkingDirectory} is a subfolder ({lines[3]}) of a repository, not its top level");
        }

        return new GitRepository(git, gitDirectory);
    }

    /// <summary>The full id of a commit, or a clear error naming what was asked for.</summary>
    public async Task<string> ResolveCommitAsync(string revision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        var result = await Git.TryRunAsync(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"], null, cancellationToken);
        if (!result.Succeeded || result.Lines.Count != 1)
        {
            throw new GitException($"base commit '{revision}' is not a commit in {WorkingDirectory}");
        }

        return result.Lines[0];
    }

    public async Task<string?> TryResolveHeadAsync(CancellationToken cancellationToken)
    {
        var result = await Git.TryRunAsync(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], null, cancellationToken);
        return result.Succeeded && result.Lines.Count == 1 ? result.Lines[0] : null;
    }

    /// <summary>The branch HEAD points at (<c>refs/heads/…</c>), or null when detached.</summary>
    public async Task<string?> CurrentBranchAsync(CancellationToken cancellationToken)
    {
        var result = await Git.TryRunAsync(["symbolic-ref", "--quiet", "HEAD"], null, cancellationToken);
        return result.Succeeded && result.Lines.Count == 1 ? result.Lines[0] : null;
    }

    /// <summary>Committer time of a commit, which is what "dated after the base commit" compares.</summary>
    public async Task<DateTimeOffset> CommitDateAsync(string commit, CancellationToken cancellationToken)
    {
        var output = await Git.RunAsync(["show", "-s", "--format=%ct", commit], cancellationToken);
        return DateTimeOffset.FromUnixTimeSeconds(long.Parse(output.Trim(), CultureInfo.InvariantCulture));
    }

    /// <summary>Every commit reachable from <paramref name="commit"/>, itself included.</summary>
    public async Task<HashSet<string>> AncestorsAsync(string commit, CancellationToken cancellationToken)
    {
        var output = await Git.RunAsync(["rev-list", commit], cancellationToken);
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)];
    }

    public async Task<IReadOnlyList<GitRef>> ListRefsAsync(CancellationToken cancellationToken)
    {
        var output = await Git.RunAsync(
            ["for-each-ref", "--format=%(refname)%09%(objectname)%09%(objecttype)%09%(creatordate:unix)"], cancellationToken);
        var refs = new List<GitRef>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            var seconds = long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : 0;
            refs.Add(new GitRef(parts[0], parts[1], parts[2], DateTimeOffset.FromUnixTimeSeconds(seconds)));
        }

        var tagIndexes = Enumerable.Range(0, refs.Count).Where(i => refs[i].Name.StartsWith("refs/tags/", StringComparison.Ordinal)).ToList();
        if (tagIndexes.Count > 0)
        {
            // Peel every tag (annotated, nested) to the object it finally names, in one process.
            var input = string.Concat(tagIndexes.Select(i => refs[i].ObjectId + "^{}\n"));
            var peeled = (await Git.RunAsync(["cat-file", "--batch-check=%(objectname) %(objecttype)"], input, cancellationToken))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            for (var k = 0; k < tagIndexes.Count && k < peeled.Length; k++)
            {
                var parts = peeled[k].Split(' ');
                refs[tagIndexes[k]] = refs[tagIndexes[k]] with { PeeledId = parts[0], PeeledType = parts[^1] };
            }
        }

        return refs;
    }

    /// <summary>
    /// Whether a tag may stay in a real-task workspace: it names a commit in the base commit's
    /// history and was created no later than the base commit (a later tag name such as
    /// <c>v2.0</c> tells the agent the future exists).
    /// </summary>
    public static bool IsAllowedTag(GitRef tag, IReadOnlySet<string> ancestors, DateTimeOffset baseDate) =>
        tag.PeeledType == "commit" && tag.PeeledId is not null && ancestors.Contains(tag.PeeledId) && tag.Date <= baseDate;

    public string GitPath(string relative) => Path.Combine(GitDirectory, relative);
}
