using SweLego.Tasks.Git;

namespace SweLego.Tasks.Real;

/// <summary>
/// A candidate's change split as SWE-bench splits it: <see cref="TestPatch"/> holds the files
/// under test folders (and test modules), <see cref="Patch"/> everything else. Renames are
/// written as delete + add so a rename across the boundary still splits cleanly.
/// </summary>
public sealed record CandidatePatches(string Patch, string TestPatch, IReadOnlyList<string> TestFiles, IReadOnlyList<string> SourceFiles)
{
    private static readonly string[] DiffOptions = ["diff", "--no-color", "--no-ext-diff", "--no-renames", "--src-prefix=a/", "--dst-prefix=b/"];

    /// <summary>The split, or the binary files that make it impossible (text patches cannot carry them).</summary>
    public static async Task<(CandidatePatches? Patches, IReadOnlyList<string> BinaryFiles)> ComputeAsync(
        GitCommand git, string baseCommit, string fixCommit, CancellationToken cancellationToken)
    {
        // numstat prints "-<TAB>-<TAB>path" for a binary file.
        var numstat = await git.RunAsync(["diff", "--numstat", "--no-renames", "-z", baseCommit, fixCommit], cancellationToken);
        var files = new List<string>();
        var binary = new List<string>();
        foreach (string entry in numstat.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('\t', 3);
            if (parts.Length < 3) continue;
            files.Add(parts[2]);
            if (parts[0] == "-" && parts[1] == "-") binary.Add(parts[2]);
        }

        if (binary.Count > 0) return (null, binary);
        var tests = files.Where(TestPaths.IsTestPath).ToList();
        var sources = files.Where(f => !TestPaths.IsTestPath(f)).ToList();
        string patch = await DiffAsync(git, baseCommit, fixCommit, sources, cancellationToken);
        string testPatch = await DiffAsync(git, baseCommit, fixCommit, tests, cancellationToken);
        return (new CandidatePatches(patch, testPatch, tests, sources), []);
    }

    private static async Task<string> DiffAsync(GitCommand git, string from, string to, List<string> paths, CancellationToken cancellationToken) =>
        paths.Count == 0 ? "" : await git.RunAsync([.. DiffOptions, from, to, "--", .. paths.Select(p => ":(literal)" + p)], cancellationToken);
}
