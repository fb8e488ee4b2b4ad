using SweLego.Tasks;
using SweLego.Tasks.Real;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>Which commits and PR records become candidates, in which order, and how unusable PR lines are reported.</summary>
public sealed class CandidateDiscoveryTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-discovery-");
    private GitTestRepository _repo = null!;
    private string _root = "", _sourceOnly = "", _testsOnly = "", _dataOnly = "", _fix1 = "", _featureFix = "", _merge = "", _fix2 = "";

    [Fact]
    public async Task DiscoverAsync_History_NonMergeCommitsChangingTestsAndSourceNewestFirst()
    {
        var mirror = await HistoryAsync();

        var (candidates, rejected) = await CandidateDiscovery.DiscoverAsync(mirror, null, null, CancellationToken.None);

        Assert.Empty(rejected);
        Assert.Equal([_fix2, _featureFix, _fix1], candidates.Select(c => c.FixCommit));
        var newest = candidates[0];
        Assert.Equal("local__lib-" + _fix2[..12], newest.Id);
        Assert.Equal(_merge, newest.BaseCommit);
        Assert.Equal("commit", newest.Source);
        Assert.Null(newest.PrNumber);
        Assert.Equal("Fix mul\n\nIt multiplied by zero.", newest.ProblemStatement);
        Assert.True(newest.ProblemStatementWeak);
        Assert.Equal(GitTestRepository.Day(8), newest.CreatedAt);
        Assert.Equal(GitTestRepository.Day(8), newest.CommittedAt);
        Assert.Equal(["pkg/calc.py", "tests/test_calc.py"], newest.ChangedFiles.Order(StringComparer.Ordinal));
        Assert.Equal(_dataOnly, candidates[2].BaseCommit);
        Assert.Equal(_featureFix, candidates[1].FixCommit);
        Assert.Equal(_fix1, candidates[1].BaseCommit);
        Assert.DoesNotContain(candidates, c => c.FixCommit is var f && (f == _root || f == _sourceOnly || f == _testsOnly || f == _dataOnly || f == _merge));
    }

    [Fact]
    public async Task DiscoverAsync_Since_OnlyFixesCommittedFromThatTime()
    {
        var mirror = await HistoryAsync();

        var (candidates, _) = await CandidateDiscovery.DiscoverAsync(mirror, GitTestRepository.Day(6), null, CancellationToken.None);

        Assert.Equal([_fix2, _featureFix], candidates.Select(c => c.FixCommit));
    }

    [Fact]
    public async Task DiscoverAsync_Prs_TakeThePlaceOfTheirCommitWithTheirText()
    {
        var mirror = await HistoryAsync();
        string prs = WritePrs(
            $$"""{"number": 41, "merge_commit": "{{_fix2}}", "title": "Fix mul", "body": "mul(2, 0) was wrong", "hints_text": "see #40", "created_at": "2024-03-01T10:00:00Z"}""",
            $$"""{"number": 42, "merge_commit": "{{_merge}}", "base_commit": "{{_fix1}}", "problem_statement": "Feature branch"}""");

        var (candidates, rejected) = await CandidateDiscovery.DiscoverAsync(mirror, null, prs, CancellationToken.None);

        Assert.Empty(rejected);
        Assert.Equal(["local__lib-41", "local__lib-42", "local__lib-" + _featureFix[..12], "local__lib-" + _fix1[..12]], candidates.Select(c => c.Id));
        var pr = candidates[0];
        Assert.Equal(("pr", 41, _fix2, _merge), (pr.Source, pr.PrNumber!.Value, pr.FixCommit, pr.BaseCommit));
        Assert.Equal("Fix mul\n\nmul(2, 0) was wrong", pr.ProblemStatement);
        Assert.False(pr.ProblemStatementWeak);
        Assert.Equal("see #40", pr.HintsText);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), pr.CreatedAt);
        Assert.Equal(GitTestRepository.Day(8), pr.CommittedAt);
        var merged = candidates[1];
        Assert.Equal((_merge, _fix1, "Feature branch"), (merged.FixCommit, merged.BaseCommit, merged.ProblemStatement));
    }

    [Fact]
    public async Task DiscoverAsync_UnusablePrLines_RejectedNamingTheLineAndOthersKept()
    {
        var mirror = await HistoryAsync();
        string prs = WritePrs(
            "[1, 2]",
            "",
            $$"""{"number": 0, "merge_commit": "{{_fix2}}", "title": "t"}""",
            $$"""{"number": 3, "title": "t"}""",
            $$"""{"number": 4, "merge_commit": "{{_fix2}}", "base_commit": "nope", "title": "t"}""",
            $$"""{"number": 5, "merge_commit": "{{_fix2}}", "title": " ", "body": ""}""",
            $$"""{"number": 6, "merge_commit": "{{_fix2}}", "title": "t", "created_at": "yesterday"}""",
            $$"""{"number": 7, "merge_commit": "--all", "title": "t"}""",
            $$"""{"number": 8, "merge_commit": "{{_sourceOnly}}", "title": "Source only"}""",
            $$"""{"number": 9, "merge_commit": "{{_fix2}}", "title": "Good"}""");

        var (candidates, rejected) = await CandidateDiscovery.DiscoverAsync(mirror, null, prs, CancellationToken.None);

        Assert.Equal("local__lib-9", candidates[0].Id);
        Assert.Equal(
        [
            "prs.jsonl:1 BadPrRecord prs.jsonl:1: expected a JSON object, got an array",
            "prs.jsonl:3 BadPrRecord prs.jsonl:3: field 'number': expected a positive integer, got 0",
            "prs.jsonl:4 BadPrRecord prs.jsonl:4: field 'merge_commit' is missing (a string is required)",
            "prs.jsonl:5 BadPrRecord prs.jsonl:5: PR #4: base_commit 'nope' is not a commit of the repository",
            "prs.jsonl:6 BadPrRecord prs.jsonl:6: PR #5: no 'problem_statement', 'title' or 'body'",
            "prs.jsonl:7 BadPrRecord prs.jsonl:7: PR #6: field 'created_at': 'yesterday' is not an ISO 8601 date",
            "prs.jsonl:8 BadPrRecord prs.jsonl:8: PR #7: merge_commit '--all' is not a commit of the repository",
            "local__lib-8 NoTestFiles PR #8 does not change both test and non-test Python files",
        ], rejected.Select(r => $"{r.CandidateId} {r.Kind} {r.Reason.Replace(prs, "prs.jsonl", StringComparison.Ordinal)}"));
    }

    [Fact]
    public async Task DiscoverAsync_MissingPrsFile_FileNotFoundNamingIt()
    {
        var mirror = await HistoryAsync();

        var error = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            CandidateDiscovery.DiscoverAsync(mirror, null, _temp.Combine("missing.jsonl"), CancellationToken.None));

        Assert.Contains("missing.jsonl", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private string WritePrs(params string[] lines)
    {
        string path = _temp.Combine("prs.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>
    /// root (tests + source), source only, tests only, test data + source, fix 1, a merged feature
    /// branch with its own fix, and fix 2 after the merge; each commit one day after the previous.
    /// </summary>
    private async Task<RepositoryMirror> HistoryAsync()
    {
        _repo = await GitTestRepository.InitAsync(_temp.Combine("lib"));
        _repo.Write("tests/test_calc.py", "def test_a():\n    pass\n");
        _root = await _repo.CommitAsync("pkg/calc.py", "A = 1\n", "Start", GitTestRepository.Day(1));
        _sourceOnly = await _repo.CommitAsync("pkg/calc.py", "A = 2\n", "Refactor", GitTestRepository.Day(2));
        _testsOnly = await _repo.CommitAsync("tests/test_calc.py", "def test_a():\n    assert True\n", "More tests", GitTestRepository.Day(3));
        _repo.Write("tests/data.txt", "1\n");
        _dataOnly = await _repo.CommitAsync("pkg/calc.py", "A = 3\n", "Data", GitTestRepository.Day(4));
        _repo.Write("tests/test_calc.py", "def test_a():\n    assert 1\n");
        _fix1 = await _repo.CommitAsync("pkg/calc.py", "A = 4\n", "Fix 1", GitTestRepository.Day(5));
        await _repo.GitAsync("checkout", "--quiet", "-b", "feature");
        _repo.Write("tests/test_feature.py", "def test_f():\n    pass\n");
        _featureFix = await _repo.CommitAsync("pkg/feature.py", "F = 1\n", "Feature", GitTestRepository.Day(6));
        await _repo.GitAsync("checkout", "--quiet", "main");
        await _repo.CommitAsync("README.md", "lib\n", "Readme", GitTestRepository.Day(6));
        await _repo.GitAsync(GitTestRepository.Day(7), "merge", "--quiet", "--no-ff", "-m", "Merge feature", "feature");
        _merge = await _repo.GitAsync("rev-parse", "HEAD");
        _repo.Write("tests/test_calc.py", "def test_a():\n    assert 2\n");
        _fix2 = await _repo.CommitAsync("pkg/calc.py", "A = 5\n", "Fix mul\n\nIt multiplied by zero.", GitTestRepository.Day(8));
        return await RepositoryMirror.CreateOrUpdateAsync(_repo.Path, _temp.Combine("run", "repository.git"), CancellationToken.None);
    }
}
