using System.Globalization;
using System.Text.Json;

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
                    rejected.Add(new RealTaskRejection { CandidateId = $"{Path.GetFileName(prsFile)}:{line}", Kind = RejectionKind.BadPrRecord, Reason = $"{prsFile} line {line}: {problem}" });
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
    /// One PR: <c>number</c>, <c>merge_commit</c> (required), <c>base_commit</c> (default: the merge
    /// commit's first parent), <c>title</c>/<c>body</c> or <c>problem_statement</c>, <c>hints_text</c>, <c>created_at</c>.
    /// </summary>
    private static async Task<(RealCandidate? Candidate, string? Problem)> ReadPrAsync(RepositoryMirror mirror, string text, CancellationToken cancellationToken)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object) return (null, "expected a JSON object");
        if (!root.TryGetProperty("number", out var numberElement) || !numberElement.TryGetInt32(out int number) || number <= 0)
            return (null, "'number' (a positive integer) is required");
        if (String(root, "merge_commit") is not { } merge) return (null, $"PR #{number}: 'merge_commit' is required");

        var fix = await ResolveAsync(mirror, merge, cancellationToken);
        if (fix is null) return (null, $"PR #{number}: merge_commit '{merge}' is not a commit of the repository");
        string? baseCommit = String(root, "base_commit") is { } b ? await ResolveAsync(mirror, b, cancellationToken) : await ResolveAsync(mirror, fix + "^1", cancellationToken);
        if (baseCommit is null) return (null, $"PR #{number}: base_commit '{String(root, "base_commit") ?? fix + "^1"}' is not a commit of the repository");

        string statement = String(root, "problem_statement")
            ?? string.Join("\n\n", new[] { String(root, "title"), String(root, "body") }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (statement.Trim().Length == 0) return (null, $"PR #{number}: no 'problem_statement', 'title' or 'body'");

        var dates = (await mirror.Git.RunAsync(["show", "-s", "--format=%aI%n%cI", fix], cancellationToken)).Split('\n');
        DateTimeOffset createdAt = DateTimeOffset.Parse(dates[0], CultureInfo.InvariantCulture);
        if (String(root, "created_at") is { } created)
        {
            if (!DateTimeOffset.TryParse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out createdAt))
                return (null, $"PR #{number}: created_at '{created}' is not an ISO 8601 date");
        }

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
            HintsText = String(root, "hints_text") ?? "",
            ChangedFiles = files.Split('\n', StringSplitOptions.RemoveEmptyEntries),
        }, null);
    }

    private static async Task<string?> ResolveAsync(RepositoryMirror mirror, string revision, CancellationToken cancellationToken)
    {
        if (revision.StartsWith('-')) return null;
        var result = await mirror.Git.TryRunAsync(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], null, cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
