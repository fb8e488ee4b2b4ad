namespace SweLego.Tasks.Git;

/// <summary>
/// Files and folders inside <c>.git</c> that are not refs yet remember other commits, their
/// messages or their contents. Both the sanitizer (deletes them) and the audit (reports them)
/// use this one list, so they cannot disagree.
/// </summary>
internal static class GitStateFiles
{
    /// <summary>Pseudo-refs and saved messages: each names a commit id or holds a commit message.</summary>
    public static readonly IReadOnlyList<string> Files =
    [
        "ORIG_HEAD", "FETCH_HEAD", "MERGE_HEAD", "MERGE_MSG", "MERGE_MODE", "MERGE_RR", "SQUASH_MSG",
        "CHERRY_PICK_HEAD", "REVERT_HEAD", "REBASE_HEAD", "AUTO_MERGE", "COMMIT_EDITMSG", "TAG_EDITMSG",
        "BISECT_LOG", "BISECT_START", "BISECT_TERMS", "BISECT_EXPECTED_REV", "BISECT_ANCESTORS_OK", "BISECT_NAMES",
        "BISECT_HEAD", "gitk.cache", "info/refs", "objects/info/alternates", "objects/info/commit-graph",
    ];

    /// <summary>Folders: in-progress operations, linked worktrees (their HEADs keep objects alive),
    /// rerere's recorded conflict resolutions (future code) and split commit-graphs.</summary>
    public static readonly IReadOnlyList<string> Directories =
    [
        "rebase-merge", "rebase-apply", "sequencer", "worktrees", "rr-cache", "objects/info/commit-graphs",
    ];

    /// <summary>Which of the files and folders exist, as paths relative to the git directory.</summary>
    public static IReadOnlyList<string> Present(string gitDirectory) =>
    [
        .. Files.Where(f => File.Exists(Path.Combine(gitDirectory, f))),
        .. Directories.Where(d => Directory.Exists(Path.Combine(gitDirectory, d))),
    ];
}
