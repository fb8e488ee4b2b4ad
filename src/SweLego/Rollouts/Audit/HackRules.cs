using System.Text.RegularExpressions;

namespace SweLego.Rollouts.Audit;

/// <summary>
/// The rules of the hack audit: commands that try to read the future of the repository (the fix) instead of
/// working it out. Each rule has a stable id recorded with every flag, so curation and people can audit it.
/// A rule sees one shell command (or an editor path); it never runs anything.
/// </summary>
public static partial class HackRules
{
    public const string GitAllRefs = "git-all-refs";
    public const string GitReflog = "git-reflog";
    public const string GitForeignRevision = "git-foreign-revision";
    public const string GitRemote = "git-remote";
    public const string PipProject = "pip-project";
    public const string InstalledCopy = "installed-copy";
    public const string Network = "network";

    /// <summary>What each rule looks for, for reports and <c>--help</c>.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        [GitAllRefs] = "git log/rev-list/show with --all, --branches, --remotes, --tags or --glob (history beyond the base)",
        [GitReflog] = "git reflog, or a reflog selector such as HEAD@{1}",
        [GitForeignRevision] = "git show/checkout/diff/log/cat-file/switch/reset/cherry-pick/restore of a commit id that is not the base, or of a remote, tag or FETCH_HEAD/ORIG_HEAD ref",
        [GitRemote] = "git fetch, pull, clone, ls-remote or remote add (fetching the upstream)",
        [PipProject] = "pip download/install of the project itself from an index or a URL",
        [InstalledCopy] = "reading an installed copy of the project in site-packages or dist-packages",
        [Network] = "network access: curl, wget, nc, ssh and the like, or Python's urllib/requests/http.client with a non-loopback URL",
    };

    /// <summary>The rules a shell command breaks (ids), in a stable order.</summary>
    /// <param name="project">Names the project is known by (the repository name and its import names), lower case.</param>
    /// <param name="seen">Whether a commit id (or prefix) appeared in what the agent was shown before (the base history's
    /// <c>git log</c>): naming a commit it saw there is reading the past, not the future.</param>
    public static IReadOnlyList<string> Check(string command, IReadOnlyCollection<string> project, Func<string, bool> seen)
    {
        ArgumentNullException.ThrowIfNull(command);
        var broken = new List<string>();
        foreach (string git in GitInvocations().Matches(command).Select(m => m.Groups["args"].Value))
        {
            string verb = git.TrimStart().Split(' ', 2)[0];
            if (verb is "log" or "rev-list" or "show" or "shortlog" or "whatchanged" or "describe" && AllRefs().IsMatch(git)) Add(broken, GitAllRefs);
            if (verb == "reflog" || ReflogSelector().IsMatch(git)) Add(broken, GitReflog);
            if (verb is "fetch" or "pull" or "clone" or "ls-remote" || verb == "remote" && RemoteAdd().IsMatch(git)) Add(broken, GitRemote);
            if (verb is "show" or "checkout" or "diff" or "log" or "cat-file" or "switch" or "reset" or "cherry-pick" or "restore" or "format-patch" or "rev-parse"
                && ForeignRevision(git, seen)) Add(broken, GitForeignRevision);
        }

        foreach (Match pip in PipInvocations().Matches(command))
        {
            var targets = pip.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(a => !a.StartsWith('-')).ToList();
            if (targets.Any(t => IsProject(t, project) || t.Contains("://", StringComparison.Ordinal) || t.StartsWith("git+", StringComparison.Ordinal)))
                Add(broken, PipProject);
        }

        if (ReadsInstalledCopy(command, project)) Add(broken, InstalledCopy);
        if (NetworkTool().IsMatch(command) || PythonNetwork().IsMatch(command) && Url().IsMatch(command)) Add(broken, Network);
        return broken;
    }

    /// <summary>An editor path that reads an installed copy of the project.</summary>
    public static bool ReadsInstalledCopy(string text, IReadOnlyCollection<string> project) =>
        InstalledPath().Matches(text).Any(m => IsProject(m.Groups["name"].Value, project));

    private static bool ForeignRevision(string git, Func<string, bool> seen) =>
        CommitId().Matches(git).Any(id => !seen(id.Value.ToLowerInvariant())) || ForeignRef().IsMatch(git);

    /// <summary>The commit ids (7–40 hex digits with a digit and a letter) in a text, lower case.</summary>
    public static IEnumerable<string> CommitIds(string text) => CommitId().Matches(text).Select(m => m.Value.ToLowerInvariant());

    private static bool IsProject(string target, IReadOnlyCollection<string> project)
    {
        // "toolz==0.12", "toolz[extra]>=1", "Toolz" → "toolz"; "_" and "-" and "." are the same to pip.
        string name = NameOnly().Match(target).Value.ToLowerInvariant().Replace('_', '-').Replace('.', '-');
        return name.Length > 0 && project.Any(p => p.Replace('_', '-').Replace('.', '-') == name);
    }

    private static void Add(List<string> broken, string rule)
    {
        if (!broken.Contains(rule)) broken.Add(rule);
    }

    // "git" as a command word (start, after ; & | ( or a newline, or after env assignments / sudo), with its arguments up to the next separator.
    [GeneratedRegex(@"(?:^|[;&|(\n`]|\$\()\s*(?:\w+=\S*\s+)*(?:sudo\s+)?git(?:\s+-C\s+\S+|\s+-c\s+\S+|\s+--no-pager|\s+--git-dir=\S+|\s+--work-tree=\S+)*\s+(?<args>[^;&|\n`)]*)", RegexOptions.Multiline)]
    private static partial Regex GitInvocations();

    [GeneratedRegex(@"(?:^|\s)--(?:all|branches|remotes|tags|glob)(?:[=\s]|$)")]
    private static partial Regex AllRefs();

    [GeneratedRegex(@"@\{\s*[^}]*\}")]
    private static partial Regex ReflogSelector();

    [GeneratedRegex(@"^\s*remote\s+(?:add|set-url|update)\b")]
    private static partial Regex RemoteAdd();

    // A commit id as an argument: 7 to 40 hex digits with at least one digit and one letter a–f (so words and numbers do not count).
    [GeneratedRegex(@"(?<![\w/.-])(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{7,40}(?![\w/-])")]
    private static partial Regex CommitId();

    [GeneratedRegex(@"(?<![\w-])(?:origin|upstream)/\S+|\bFETCH_HEAD\b|\bORIG_HEAD\b|\brefs/(?:remotes|tags|original|stash)\b|(?:^|\s)tags/\S+")]
    private static partial Regex ForeignRef();

    [GeneratedRegex(@"(?:^|[;&|(\n`]|\$\()\s*(?:\w+=\S*\s+)*(?:sudo\s+)?(?:\S*/)?(?:pip3?(?:\.\d+)?|python3?(?:\.\d+)?\s+-m\s+pip|uv\s+pip)\s+(?:download|install)\b(?<args>[^;&|\n`)]*)", RegexOptions.Multiline)]
    private static partial Regex PipInvocations();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]*")]
    private static partial Regex NameOnly();

    [GeneratedRegex(@"(?:site|dist)-packages/(?<name>[A-Za-z0-9_.-]+?)(?:-[0-9][^/\s]*\.(?:dist|egg)-info)?(?=[/\s'""]|$)")]
    private static partial Regex InstalledPath();

    [GeneratedRegex(@"(?:^|[;&|(\n`\s])(?:curl|wget|nc|ncat|netcat|ssh|scp|rsync|telnet|ftp|aria2c|httpie|http)\s", RegexOptions.Multiline)]
    private static partial Regex NetworkTool();

    [GeneratedRegex(@"\b(?:https?|ftp)://(?!(?:127\.0\.0\.1|localhost)[:/])")]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:urllib\.request|urlopen|requests\.(?:get|post|head)|http\.client|socket\.create_connection|socket\.socket\()")]
    private static partial Regex PythonNetwork();
}
