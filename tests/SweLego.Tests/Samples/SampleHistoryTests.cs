using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SweLego.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Samples;

public sealed class SampleHistoryTests
{
    private static readonly string[] ExpectedTags =
    [
        "initial", "fix-median", "docs", "tests-only", "fix-slugify", "refactor", "feature-intervals",
        "flaky", "unflake", "binary", "needs-missing-module", "cleanup", "fix-money",
    ];

    // Left behind by local pytest runs in samples/tally; ignored by its .gitignore, never committed.
    private static readonly string[] CacheNames = ["__pycache__", ".pytest_cache"];

    [Fact]
    public async Task CreateAsync_NewestCommit_TreeEqualsSamplesTally()
    {
        using var folder = new TempDirectory();
        var history = await SampleHistory.CreateAsync(folder.Combine("tally"));

        var committed = (await history.GitAsync("ls-files", "-z"))
            .Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Order(StringComparer.Ordinal)
            .ToList();
        var final = Directory.EnumerateFiles(SampleHistory.FinalTreeDirectory, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(SampleHistory.FinalTreeDirectory, file).Replace('\\', '/'))
            .Where(file => !file.Split('/').Any(part => CacheNames.Contains(part) || part.EndsWith(".egg-info", StringComparison.Ordinal)))
            .Where(file => !file.EndsWith(".pyc", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(final, committed);
        foreach (var file in committed)
        {
            Assert.True(
                File.ReadAllBytes(Path.Combine(SampleHistory.FinalTreeDirectory, file)).AsSpan()
                    .SequenceEqual(File.ReadAllBytes(Path.Combine(history.Path, file))),
                $"{file} differs from samples/tally");
        }

        Assert.Equal("", await history.GitAsync("status", "--porcelain"));
    }

    [Fact]
    public async Task CreateAsync_TwoRuns_SameTaggedCommitsWithFixedAuthorAndDates()
    {
        using var folder = new TempDirectory();
        var first = await SampleHistory.CreateAsync(folder.Combine("a"));
        var second = await SampleHistory.CreateAsync(folder.Combine("b"));

        Assert.Equal(ExpectedTags, first.Tags);
        Assert.Equal(first.Tags.Select(first.Commit), second.Tags.Select(second.Commit));
        Assert.Equal(first.Commit("fix-median"), first.Commit("[fix-median]"));
        Assert.Throws<KeyNotFoundException>(() => first.Commit("no-such-tag"));
        Assert.Equal("main", await first.GitAsync("rev-parse", "--abbrev-ref", "HEAD"));

        var log = (await first.GitAsync("log", "--reverse", "--format=%an <%ae>|%cn <%ce>|%aI|%cI"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ExpectedTags.Length, log.Length);
        var day0 = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < log.Length; i++)
        {
            var when = day0.AddDays(i).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
            Assert.Equal($"Tally Dev <dev@tally.example>|Tally Dev <dev@tally.example>|{when}|{when}", log[i]);
        }
    }

    [Fact]
    public async Task RunPytestAsync_NewestCommit_FullSuitePasses()
    {
        using var folder = new TempDirectory();
        var history = await SampleHistory.CreateAsync(folder.Combine("tally"));

        var (output, exitCode) = await history.RunPytestAsync("-q");

        Assert.True(exitCode == 0, output);
        var passed = Regex.Match(output, @"(\d+) passed");
        Assert.True(passed.Success, output);
        Assert.True(int.Parse(passed.Groups[1].Value, CultureInfo.InvariantCulture) >= 70, output);
        Assert.DoesNotMatch(@"\d+ (failed|error|skipped)", output);
    }

    [Fact]
    public async Task FixMedian_TestPartAtParent_NewTestFailsThenPassesAtCommit()
    {
        using var folder = new TempDirectory();
        var history = await SampleHistory.CreateAsync(folder.Combine("tally"));
        var commit = history.Commit("fix-median");
        const string test = "tests/test_stats.py::test_median_even";

        var git = new GitCommand(history.Path);
        await history.GitAsync("checkout", "--quiet", commit + "^");
        var testPatch = await git.RunAsync(["diff", commit + "^", commit, "--", "tests/"], CancellationToken.None);
        Assert.DoesNotContain("tally/stats.py", testPatch, StringComparison.Ordinal);
        await git.RunAsync(["apply"], testPatch, CancellationToken.None);
        var (before, beforeExit) = await history.RunPytestAsync("-rA", "tests/test_stats.py");

        await history.GitAsync("checkout", "--quiet", "--force", commit);
        var (after, afterExit) = await history.RunPytestAsync("-rA", "tests/test_stats.py");

        Assert.True(beforeExit == 1, before);
        Assert.Contains($"FAILED {test}", before, StringComparison.Ordinal);
        Assert.Matches(@"1 failed, 19 passed", before);
        Assert.True(afterExit == 0, after);
        Assert.Contains($"PASSED {test}", after, StringComparison.Ordinal);
        Assert.Matches(@"20 passed", after);
    }

    [Fact]
    public async Task WritePrsFile_Tags_ReplacedByCommitIds()
    {
        using var folder = new TempDirectory();
        var history = await SampleHistory.CreateAsync(folder.Combine("tally"));

        var path = history.WritePrsFile(folder.Combine("prs.jsonl"));

        var records = File.ReadAllLines(path).Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.Equal([4, 10], records.Select(record => record["number"]!.GetValue<int>()));
        Assert.Equal(
            [history.Commit("fix-median"), history.Commit("fix-money")],
            records.Select(record => record["merge_commit"]!.GetValue<string>()));
        Assert.All(records, record =>
        {
            Assert.False(string.IsNullOrWhiteSpace(record["title"]!.GetValue<string>()));
            Assert.False(string.IsNullOrWhiteSpace(record["body"]!.GetValue<string>()));
            Assert.True(DateTimeOffset.TryParse(record["created_at"]!.GetValue<string>(), CultureInfo.InvariantCulture, out _));
        });
    }
}
