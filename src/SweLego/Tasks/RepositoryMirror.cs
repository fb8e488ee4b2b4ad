using System.Text.RegularExpressions;
using SweLego.Tasks.Git;

namespace SweLego.Tasks;

/// <summary>
/// A bare clone of the user's repository inside the run folder: candidates are read from it and
/// every validation checkout borrows its objects, so the user's repository is only read, and
/// later stages can build task workspaces from the run folder alone.
/// </summary>
public sealed partial class RepositoryMirror
{
    private RepositoryMirror(GitCommand git, string head, string name)
    {
        Git = git;
        Head = head;
        Name = name;
    }

    public GitCommand Git { get; }

    public string Path => Git.WorkingDirectory;

    /// <summary>The commit the user's repository had checked out: candidates are its ancestors.</summary>
    public string Head { get; }

    /// <summary><c>owner/name</c> from the origin remote's URL, or <c>local/&lt;folder name&gt;</c>.</summary>
    public string Name { get; }

    /// <summary>The instance id prefix, <c>owner__name</c> as in SWE-bench.</summary>
    public string IdPrefix => Name.Replace("/", "__", StringComparison.Ordinal);

    /// <summary>
    /// The mirror of <paramref name="source"/> in <paramref name="repositoriesFolder"/>, named <c>&lt;owner__name&gt;.git</c>
    /// after it, created or updated while holding its lock (two stages of a run share it).
    /// </summary>
    /// <exception cref="GitException">The source is not a git repository with at least one commit.</exception>
    public static async Task<RepositoryMirror> CreateOrUpdateInAsync(string source, string repositoriesFolder, CancellationToken cancellationToken)
    {
        var (_, origin) = await HeadAndOriginAsync(source, cancellationToken);
        string name = NameFrom(origin, new GitCommand(source).WorkingDirectory).Replace("/", "__", StringComparison.Ordinal);
        string path = System.IO.Path.Combine(repositoriesFolder, name + ".git");
        using var mirrorLock = await Task.Run(() => Runs.FileLock.Acquire(path, TimeSpan.FromMinutes(30)), cancellationToken);
        return await CreateOrUpdateAsync(source, path, cancellationToken);
    }

    /// <exception cref="GitException">The source is not a git repository with at least one commit.</exception>
    public static async Task<RepositoryMirror> CreateOrUpdateAsync(string source, string mirrorPath, CancellationToken cancellationToken)
    {
        var user = new GitCommand(source);
        var (headCommit, origin) = await HeadAndOriginAsync(source, cancellationToken);

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(mirrorPath))!);
        var mirror = new GitCommand(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(mirrorPath))!);
        string full = System.IO.Path.GetFullPath(mirrorPath);
        if (!Directory.Exists(full))
        {
            string temporary = full + ".partial";
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            await mirror.RunAsync(["clone", "--quiet", "--bare", "--no-tags", user.WorkingDirectory, temporary], cancellationToken);
            Directory.Move(temporary, full);
        }

        var git = new GitCommand(full);
        // The user's HEAD may be detached or on any branch: fetch it by id under a fixed ref.
        await git.RunAsync(["fetch", "--quiet", "--no-tags", user.WorkingDirectory, $"+{headCommit}:refs/swelego/head"], cancellationToken);
        return new RepositoryMirror(git, headCommit, NameFrom(origin, user.WorkingDirectory));
    }

    private static async Task<(string Head, string? Origin)> HeadAndOriginAsync(string source, CancellationToken cancellationToken)
    {
        var (headCommit, problem) = await HeadOfAsync(source, cancellationToken);
        if (headCommit is null) throw new GitException(problem!);
        var url = await new GitCommand(source).TryRunAsync(["config", "--get", "remote.origin.url"], null, cancellationToken);
        return (headCommit, url.Succeeded ? url.StandardOutput.Trim() : null);
    }

    /// <summary>
    /// The commit at HEAD of a folder that task mining can read, or why it cannot: it does not exist, is not a
    /// git repository, or has no commits. Environment inference reads plain folders too, so it asks this only to say so.
    /// </summary>
    public static async Task<(string? Head, string? Problem)> HeadOfAsync(string source, CancellationToken cancellationToken)
    {
        var user = new GitCommand(source);
        if (!Directory.Exists(user.WorkingDirectory)) return (null, $"{user.WorkingDirectory} does not exist");
        var head = await user.TryRunAsync(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], null, cancellationToken);
        if (head.Succeeded) return (head.StandardOutput.Trim(), null);
        var inside = await user.TryRunAsync(["rev-parse", "--git-dir"], null, cancellationToken);
        return (null, inside.Succeeded
            ? $"{user.WorkingDirectory} has no commits"
            : $"{user.WorkingDirectory} is not a git repository ({GitException.OneLine(inside.StandardError)})");
    }

    /// <summary><c>owner/name</c> from a GitHub-style URL (https, ssh or scp form), else <c>local/&lt;folder&gt;</c>.</summary>
    public static string NameFrom(string? originUrl, string folder)
    {
        if (originUrl is not null && IsRemote(originUrl) && OwnerName().Match(originUrl) is { Success: true } match)
            return $"{match.Groups["owner"].Value}/{match.Groups["name"].Value}";
        string leaf = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(folder));
        return "local/" + (leaf.Length == 0 ? "repository" : leaf);
    }

    // A remote URL (scheme://host/…, not file://) or scp form (host:path); an origin that is a
    // local path (/srv/git/lib.git, ../lib, file:///…) names no owner.
    private static bool IsRemote(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0) return !url.StartsWith("file:", StringComparison.OrdinalIgnoreCase);
        int colon = url.IndexOf(':', StringComparison.Ordinal);
        int slash = url.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && (slash < 0 || colon < slash);
    }

    [GeneratedRegex(@"[/:](?<owner>[A-Za-z0-9_.-]+)/(?<name>[A-Za-z0-9_.-]+?)(?:\.git)?/?$")]
    private static partial Regex OwnerName();
}
