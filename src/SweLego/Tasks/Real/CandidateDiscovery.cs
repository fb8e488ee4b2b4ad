using System.Globalization;

namespace SweLego.Tasks.Real;

/// <summary>
/// Finds candidates, newest first: non-merge commits reachable from the user's HEAD that change
/// both test and non-test Python files, and merged PRs from a <c>--prs</c> JSONL file (which take
/// the place of the commit they merged). A PR line that cannot be used becomes a rejection
/// naming the line; it never stops discovery.
/// </summary>
public static class CandidateDiscovery
{
    private const char RecordSeparator = '\x1e';
    private const char FieldSeparator = '\x1f';

    public static async Task<(IReadOnlyList<RealCandidate> Candidates, IReadOnlyList<RealTaskRejection> Rejected)> DiscoverAsync(
        RepositoryMirror mirror, DateTimeOffset? since, string? prsFile, CancellationToken cancellationToken)
    {
        var candidates = new Dictionary<string, RealCandidate>(StringComparer.Ordinal);
        var rejected = new List<RealTaskRejection>();
        if (prsFile is not null)
        {
            foreach (var (line, text) in ReadLines(prsFile))
            {
                var (candidate, problem) = await ReadPrAsync(mirror, text, cancellationToken);
                if (candidate is null)
                {
                    rejected.Add(new RealTaskRejection { CandidateId = $"{Path.GetFileName(prsFile)}:{line}", Kind = RejectionKind.BadPrRecord, Reason = $"{prsFile}:{line}: {problem}" });
                }
                else if (!ChangesTestsAndSource(candidate))
                {
                    rejected.Add(new RealTaskRejection
                    {
                        CandidateId = candidate.Id, FixCommit = candidate.FixCommit, BaseCommit = candidate.BaseCommit, Kind = RejectionKind.NoTestFiles,
                        Reason = $"PR #{candidate.PrNumber} does not change both test and non-test Python files",
                    });
                }
                else if (since is null || candidate.CommittedAt >= since)
                {
                    candidates.TryAdd(candidate.FixCommit, candidate);
                }
            }
        }

        foreach (var candidate in await CommitCandidatesAsync(mirror, since, cancellationToken))
        {
            if (ChangesTestsAndSource(candidate)) candidates.TryAdd(candidate.FixCommit, candidate);
        }

        var ordered = candidates.Values
            .OrderByDescending(c => c.CommittedAt).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        return (ordered, rejected);
    }

    /// <summary>
    /// Why <see cref="DiscoverAsync"/> found no candidate, for people: which commits were looked at (newest and
    /// oldest id), which files count as tests, and whether HEAD has any; one line.
    /// </summary>
    public static async Task<string> ExplainNoCandidatesAsync(RepositoryMirror mirror, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        string head = mirror.Head[..12];
        string sinceText = since is { } date ? $" since {date:yyyy-MM-dd}" : "";
        var commits = await CommitCandidatesAsync(mirror, since, cancellationToken);
        if (commits.Count == 0)
            return $"no commit{sinceText} with a parent on HEAD {head} (a first commit has nothing to compare with)";

        var headTests = (await mirror.Git.RunAsync(["ls-tree", "-r", "--name-only", mirror.Head], cancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(f => f.EndsWith(".py", StringComparison.Ordinal) && TestPaths.IsTestPath(f)).ToList();
        var python = commits.Select(c => c.ChangedFiles.Where(f => f.EndsWith(".py", StringComparison.Ordinal)).ToList()).ToList();
        int withTests = python.Count(files => files.Exists(TestPaths.IsTestPath));
        int withSource = python.Count(files => !files.TrueForAll(TestPaths.IsTestPath));
        string range = $"{commits.Count} commit(s){sinceText} from {commits[0].FixCommit[..12]} back to {commits[^1].FixCommit[..12]}";
        string where = $"looked for {TestPaths.Description}";
        return headTests.Count == 0 && withTests == 0
            ? $"no test files found: HEAD {head} has none and none of the {range} changes one; {where}"
            : $"none of the {range} changes both test and non-test Python files ({withTests} change tests, {withSource} change other Python files; " +
              $"HEAD {head} has {headTests.Count} test file(s){(headTests.Count > 0 ? $", e.g. {headTests[0]}" : "")}); {where}";
    }

    private static bool ChangesTestsAndSource(RealCandidate candidate)
    {
        var python = candidate.ChangedFiles.Where(f => f.EndsWith(".py", StringComparison.Ordinal)).ToList();
        return python.Any(TestPaths.IsTestPath) && !python.TrueForAll(TestPaths.IsTestPath);
    }

    private static async Task<List<RealCandidate>> CommitCandidatesAsync(RepositoryMirror mirror, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        List<string> arguments =
        [
            "log", "--no-merges", "--no-renames", "--name-only",
            $"--format={RecordSeparator}%H{FieldSeparator}%P{FieldSeparator}%aI{FieldSeparator}%cI{FieldSeparator}%B{FieldSeparator}",
        ];
        if (since is { } date) arguments.Add("--since=" + date.ToString("O", CultureInfo.InvariantCulture));
        arguments.Add(mirror.Head);
        string log = await mirror.Git.RunAsync(arguments, cancellationToken);

        var result = new List<RealCandidate>();
        foreach (string record in log.Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = record.Split(FieldSeparator);
            if (fields.Length < 6 || fields[1].Length == 0) continue; // the root commit has no parent to diff against
            string message = fields[4].Trim();
            result.Add(new RealCandidate
            {
                Id = $"{mirror.IdPrefix}-{fields[0][..12]}",
                BaseCommit = fields[1].Split(' ')[0],
                FixCommit = fields[0],
                Source = "commit",
                CreatedAt = DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture),
                CommittedAt = DateTimeOffset.Parse(fields[3], CultureInfo.InvariantCulture),
                ProblemStatement = message,
                ProblemStatementWeak = true,
                ChangedFiles = fields[5].Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            });
        }

        return result;
    }

    private static IEnumerable<(int Line, string Text)> ReadLines(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"PR file '{path}' does not exist.", path);
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length > 0) yield return (number, line);
        }
    }

    /// <summary>
    /// One PR (<see cref="PrRecord"/>): the fix is <c>merge_commit</c>, the base <c>base_commit</c> (default: the merge
    /// commit's first parent), the statement <c>problem_statement</c> or <c>title</c> and <c>body</c>.
    /// </summary>
    private static async Task<(RealCandidate? Candidate, string? Problem)> ReadPrAsync(RepositoryMirror mirror, string text, CancellationToken cancellationToken)
    {
        var (pr, invalid) = PrRecord.Parse(text);
        if (pr is null) return (null, invalid);
        int number = pr.Number;
        var fix = await ResolveAsync(mirror, pr.MergeCommit, cancellationToken);
        if (fix is null) return (null, $"PR #{number}: merge_commit '{pr.MergeCommit}' is not a commit of the repository");
        string baseRevision = pr.BaseCommit ?? fix + "^1";
        string? baseCommit = await ResolveAsync(mirror, baseRevision, cancellationToken);
        if (baseCommit is null) return (null, $"PR #{number}: base_commit '{baseRevision}' is not a commit of the repository");

        string statement = pr.ProblemStatement
            ?? string.Join("\n\n", new[] { pr.Title, pr.Body }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (statement.Trim().Length == 0) return (null, $"PR #{number}: no 'problem_statement', 'title' or 'body'");

        var dates = (await mirror.Git.RunAsync(["show", "-s", "--format=%aI%n%cI", fix], cancellationToken)).Split('\n');
        DateTimeOffset createdAt = DateTimeOffset.Parse(dates[0], CultureInfo.InvariantCulture);
        if (pr.CreatedAt is { } created && !DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out createdAt))
            return (null, $"PR #{number}: field 'created_at': '{created}' is not an ISO 8601 date");

        var files = await mirror.Git.RunAsync(["diff", "--name-only", "--no-renames", baseCommit, fix], cancellationToken);
        return (new RealCandidate
        {
            Id = $"{mirror.IdPrefix}-{number}",
            BaseCommit = baseCommit,
            FixCommit = fix,
            Source = "pr",
            PrNumber = number,
            CreatedAt = createdAt,
            CommittedAt = DateTimeOffset.Parse(dates[1], CultureInfo.InvariantCulture),
            ProblemStatement = statement,
            HintsText = pr.HintsText ?? "",
            ChangedFiles = files.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        }, null);
    }

    private static async Task<string?> ResolveAsync(RepositoryMirror mirror, string revision, CancellationToken cancellationToken)
    {
        if (revision.StartsWith('-')) return null;
        var result = await mirror.Git.TryRunAsync(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], null, cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }
}
