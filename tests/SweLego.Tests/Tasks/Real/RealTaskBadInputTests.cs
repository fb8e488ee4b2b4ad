using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Git;
using SweLego.Tasks.Real;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>
/// <see cref="RealTaskMiner"/> on bad input, for real (git, bwrap, pytest from /usr/bin/python3):
/// one repository holds a good fix among bad candidates of every kind, and each bad one ends as a
/// rejection of the right kind whose reason names the file, line or commit, while the good one is kept.
/// </summary>
public sealed class RealTaskBadInputTests(RealTaskBadInputTests.MixedRepository mixed) : IClassFixture<RealTaskBadInputTests.MixedRepository>, IDisposable
{
    private readonly TempDirectory _temp = new("swelego-real-bad-");

    [Fact]
    public void RunAsync_MixedBatch_GoodFixStillKept()
    {
        Assert.DoesNotContain(mixed.Rejections, r => r.FixCommit == mixed.GoodFix && Fail($"{r.Kind}: {r.Reason}\n{r.Evidence}"));
        var instance = Assert.Single(mixed.Instances);
        Assert.Equal(MixedRepository.Prefix + mixed.GoodFix[..12], instance.InstanceId);
        Assert.Equal(mixed.Root, instance.BaseCommit);
        Assert.Equal(["test_calc.py::test_add"], instance.FailToPass);
        Assert.Equal(["test_calc.py::test_zero"], instance.PassToPass);
        Assert.Equal(1, mixed.Summary.Kept);
        Assert.Equal(6, mixed.Summary.Candidates);
        Assert.Equal(12, mixed.Rejections.Count);
    }

    [Fact]
    public void RunAsync_BinaryFileInChange_BinaryPatchNamingTheFile()
    {
        var rejection = mixed.RejectionOf(mixed.BinaryFix);
        Assert.Equal(RejectionKind.BinaryPatch, rejection.Kind);
        Assert.Contains("logo.bin", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_OnlyConftestChanged_NoTestFilesNamingIt()
    {
        var rejection = mixed.RejectionOf(mixed.ConftestFix);
        Assert.Equal(RejectionKind.NoTestFiles, rejection.Kind);
        Assert.Contains("conftest.py", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_BrokenPyprojectAtBase_EnvironmentInferenceNamingFileAndLine()
    {
        var rejection = mixed.RejectionOf(mixed.PyprojectFix);
        Assert.Equal(RejectionKind.EnvironmentInference, rejection.Kind);
        Assert.Contains(mixed.PyprojectBase[..12], rejection.Reason, StringComparison.Ordinal);
        Assert.Matches(@"pyproject\.toml:3\b", rejection.Reason);
    }

    [Fact]
    public void RunAsync_UnparsableSetupPyAtBase_EnvironmentInferenceNamingFileAndLine()
    {
        // SetupPyReader parses setup.py statically (never runs it): a syntax error is an EnvironmentInferenceException with path:line:column.
        var rejection = mixed.RejectionOf(mixed.SetupPyFix);
        Assert.Equal(RejectionKind.EnvironmentInference, rejection.Kind);
        Assert.Contains(mixed.SetupPyBase[..12], rejection.Reason, StringComparison.Ordinal);
        Assert.Matches(@"setup\.py:2:\d+: cannot read setup\.py statically", rejection.Reason);
    }

    [Fact]
    public void RunAsync_PrLineNotJson_BadPrRecordNamingTheLine()
    {
        var rejection = mixed.Rejections.Single(r => r.CandidateId == "prs.jsonl:1");
        Assert.Equal(RejectionKind.BadPrRecord, rejection.Kind);
        Assert.Contains("prs.jsonl:1: not valid JSON", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_PrUnknownMergeCommit_BadPrRecordNamingLineAndCommit()
    {
        var rejection = mixed.Rejections.Single(r => r.CandidateId == "prs.jsonl:2");
        Assert.Equal(RejectionKind.BadPrRecord, rejection.Kind);
        Assert.Contains("prs.jsonl:2: PR #2: merge_commit '" + MixedRepository.UnknownCommit + "' is not a commit", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RunAsync_PrWithoutNumber_BadPrRecordNamingTheLine()
    {
        var rejection = mixed.Rejections.Single(r => r.CandidateId == "prs.jsonl:4");
        Assert.Equal(RejectionKind.BadPrRecord, rejection.Kind);
        Assert.Contains("prs.jsonl:4: field 'number' is missing (a positive integer is required)", rejection.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(6, "field 'number': expected an integer, got a string")]
    [InlineData(7, "field 'title': expected a string, got a number (123)")]
    [InlineData(8, "field 'body': expected a string, got an array")]
    [InlineData(9, "field 'number': expected a positive integer, got 0; field 'merge_commit': expected a string, got a boolean; field 'hints_text': expected a string, got an object")]
    public void RunAsync_PrFieldOfWrongType_BadPrRecordNamingLineFieldAndTypes(int line, string problem)
    {
        var rejection = mixed.Rejections.Single(r => r.CandidateId == $"prs.jsonl:{line}");
        Assert.Equal(RejectionKind.BadPrRecord, rejection.Kind);
        Assert.EndsWith($"prs.jsonl:{line}: {problem}", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains(rejection.Reason, mixed.Summary.BadPrRecords);
    }

    [Fact]
    public async Task RunAsync_ResumedWithMoreBadPrRecords_EarlierResultsIntactAndNewLineRejectedAlone()
    {
        string instancesBefore = File.ReadAllText(mixed.Summary.InstancesPath);
        string rejectedBefore = File.ReadAllText(mixed.Summary.RejectedPath);
        string prs = _temp.Combine("prs.jsonl");
        File.WriteAllLines(prs, [.. File.ReadAllLines(mixed.PrsFile), "{\"number\": 21, \"merge_commit\": \"" + mixed.GoodFix + "\", \"created_at\": 5}"]);

        var summary = await RealTaskMiner.RunAsync(RunFolder.Open(mixed.RunPath), Options(mixed.RepositoryPath, prs));

        Assert.Equal(instancesBefore, File.ReadAllText(summary.InstancesPath));
        string rejectedAfter = File.ReadAllText(summary.RejectedPath);
        Assert.StartsWith(rejectedBefore, rejectedAfter, StringComparison.Ordinal);
        var added = JsonlReader.Read<RealTaskRejection>(summary.RejectedPath, RunJson.Options).Skip(mixed.Rejections.Count).ToList();
        var rejection = Assert.Single(added);
        Assert.Equal("prs.jsonl:10", rejection.CandidateId);
        Assert.EndsWith("prs.jsonl:10: field 'created_at': expected a string, got a number (5)", rejection.Reason, StringComparison.Ordinal);
        Assert.Equal((1, 6, 6), (summary.Kept, summary.Candidates, summary.Skipped));
    }

    [Fact]
    public void RunAsync_PrTestPatchDoesNotApplyAtBase_PatchDoesNotApply()
    {
        // The test patch adds tests/test_more.py while `tests` is still a symlink at the base
        // (the gold patch removes it): git apply refuses to write beyond a symbolic link.
        var rejection = mixed.Rejections.Single(r => r.CandidateId == MixedRepository.Prefix + "12");
        Assert.Equal(RejectionKind.PatchDoesNotApply, rejection.Kind);
        Assert.Equal(mixed.SymlinkBase, rejection.BaseCommit);
        Assert.Contains($"the test patch does not apply at {mixed.SymlinkBase[..12]}", rejection.Reason, StringComparison.Ordinal);
        Assert.Contains("tests/test_more.py", rejection.Reason, StringComparison.Ordinal);
        // The PR took the place of the commit it merged.
        Assert.DoesNotContain(mixed.Rejections, r => r.FixCommit == mixed.SymlinkFix && r.CandidateId != MixedRepository.Prefix + "12");
    }

    [Fact]
    public async Task RunAsync_NotAGitRepository_GitExceptionAndOnlyTheManifestWritten()
    {
        Directory.CreateDirectory(_temp.Combine("plain"));
        File.WriteAllText(_temp.Combine("plain", "calc.py"), "X = 1\n");
        var run = RunFolder.Create(_temp.Combine("run"));

        var error = await Assert.ThrowsAsync<GitException>(() => RealTaskMiner.RunAsync(run, Options(_temp.Combine("plain"))));

        Assert.Contains($"{_temp.Combine("plain")} is not a git repository", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run.StageDirectory(RealTaskMiner.Stage)));
        Assert.Equal(["manifest.json"], Directory.GetFileSystemEntries(run.DirectoryPath).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')));
    }

    [Fact]
    public async Task RunAsync_CommitsWithoutTests_NoCandidatesNoCrash()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("notests"));
        await repo.CommitAsync("calc.py", "X = 1\n", "Start", GitTestRepository.Day(1));
        await repo.CommitAsync("calc.py", "X = 2\n", "Change", GitTestRepository.Day(2));
        await repo.CommitAsync("README.md", "hello\n", "Docs", GitTestRepository.Day(3));
        var run = RunFolder.Create(_temp.Combine("run"));

        var summary = await RealTaskMiner.RunAsync(run, Options(repo.Path));

        Assert.Equal((0, 0, 0), (summary.Candidates, summary.Kept, summary.Rejected.Values.Sum()));
        Assert.Equal("", File.ReadAllText(summary.InstancesPath));
        string head = (await repo.GitAsync("rev-parse", "HEAD"))[..12];
        string first = (await repo.GitAsync("rev-parse", "HEAD~1"))[..12];
        Assert.Equal($"no test files found: HEAD {head} has none and none of the 2 commit(s) from {head} back to {first} changes one; " +
            "looked for Python files in a test/tests/testing/e2e folder or named test_*.py, *_test.py, tests.py or conftest.py", summary.NoCandidatesReason);
        Assert.Equal(StageStatus.Succeeded, run.ReadManifest().Stage(RealTaskMiner.Stage).Status);
    }

    public void Dispose() => _temp.Dispose();

    private static bool Fail(string message) => throw new Xunit.Sdk.XunitException(message);

    private static RealTaskOptions Options(string repository, string? prs = null) =>
        new() { Repository = repository, Offline = true, Runs = 1, PrsFile = prs, TestTimeout = TimeSpan.FromMinutes(2) };

    /// <summary>The repository with one good fix and one bad candidate of each kind, mined once for the class.</summary>
    public sealed class MixedRepository : IAsyncLifetime, IDisposable
    {
        public const string UnknownCommit = "0123456789abcdef0123456789abcdef01234567";

        private readonly TempDirectory _temp = new("swelego-real-mixed-");

        public const string Prefix = "local__repo-";

        public string Root { get; private set; } = "";

        public string GoodFix { get; private set; } = "";

        public string BinaryFix { get; private set; } = "";

        public string ConftestFix { get; private set; } = "";

        public string PyprojectBase { get; private set; } = "";

        public string PyprojectFix { get; private set; } = "";

        public string SetupPyBase { get; private set; } = "";

        public string SetupPyFix { get; private set; } = "";

        public string SymlinkBase { get; private set; } = "";

        public string SymlinkFix { get; private set; } = "";

        public RealTaskSummary Summary { get; private set; } = null!;

        public string RepositoryPath => _temp.Combine("repo");

        public string RunPath => _temp.Combine("run");

        public string PrsFile => _temp.Combine("prs.jsonl");

        public IReadOnlyList<TaskInstance> Instances { get; private set; } = [];

        public IReadOnlyList<RealTaskRejection> Rejections { get; private set; } = [];

        public RealTaskRejection RejectionOf(string fixCommit) => Assert.Single(Rejections, r => r.FixCommit == fixCommit);

        public async Task InitializeAsync()
        {
            var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
            const string Calc = "def add(a, b):\n    return a - b\n";
            const string Tests = "from pkg.calc import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n";
            repo.Write("pkg/__init__.py", "");
            repo.Write("pytest.ini", "[pytest]\n");
            repo.Write("test_calc.py", Tests);
            Root = await repo.CommitAsync("pkg/calc.py", Calc, "Start", GitTestRepository.Day(1));

            const string Fixed = "def add(a, b):\n    return a + b\n";
            const string WithAdd = Tests + "\n\ndef test_add():\n    assert add(1, 2) == 3\n";
            repo.Write("pkg/calc.py", Fixed);
            GoodFix = await repo.CommitAsync("test_calc.py", WithAdd, "Fix add", GitTestRepository.Day(2));

            repo.Write("pkg/calc.py", Fixed + "\n\ndef sub(a, b):\n    return a - b\n");
            repo.Write("test_calc.py", WithAdd + "\n\ndef test_sub():\n    from pkg.calc import sub\n    assert sub(3, 1) == 2\n");
            BinaryFix = await repo.CommitAsync("logo.bin", "\u0000\u0001binary\u0000", "Add sub and a logo", GitTestRepository.Day(3));

            repo.Write("pkg/calc.py", Fixed + "\n\ndef sub(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b\n");
            ConftestFix = await repo.CommitAsync("conftest.py", "import pytest\n\n\n@pytest.fixture\ndef two():\n    return 2\n", "Add mul", GitTestRepository.Day(4));

            PyprojectBase = await repo.CommitAsync("pyproject.toml", "[project]\nname = \"calc\"\nversion = = \"1\"\n", "Packaging", GitTestRepository.Day(5));
            repo.Write("pkg/calc.py", Fixed + "\n\ndef sub(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b  # ok\n");
            PyprojectFix = await repo.CommitAsync("test_calc.py", WithAdd + "\n\ndef test_mul():\n    from pkg.calc import mul\n    assert mul(2, 3) == 6\n", "Test mul", GitTestRepository.Day(6));

            File.Delete(Path.Combine(repo.Path, "pyproject.toml"));
            SetupPyBase = await repo.CommitAsync("setup.py", "from setuptools import setup\nsetup(name='calc',, packages=['pkg'])\n", "setup.py", GitTestRepository.Day(7));
            repo.Write("pkg/calc.py", Fixed + "\n\ndef sub(a, b):\n    return a - b\n\n\ndef mul(a, b):\n    return a * b  # fine\n");
            SetupPyFix = await repo.CommitAsync("test_calc.py", WithAdd + "\n\ndef test_mul():\n    from pkg.calc import mul\n    assert mul(2, 2) == 4\n", "Test mul again", GitTestRepository.Day(8));

            File.Delete(Path.Combine(repo.Path, "setup.py"));
            File.CreateSymbolicLink(Path.Combine(repo.Path, "tests"), "pkg");
            await repo.GitAsync(GitTestRepository.Day(9), "add", "--all");
            await repo.GitAsync(GitTestRepository.Day(9), "commit", "--quiet", "-m", "Link tests");
            SymlinkBase = await repo.GitAsync("rev-parse", "HEAD");
            File.Delete(Path.Combine(repo.Path, "tests"));
            repo.Write("pkg/calc.py", Fixed + "\n\ndef neg(a):\n    return -a\n");
            SymlinkFix = await repo.CommitAsync("tests/test_more.py", "from pkg.calc import neg\n\n\ndef test_neg():\n    assert neg(1) == -1\n", "Real tests folder", GitTestRepository.Day(10));

            string prs = _temp.Combine("prs.jsonl");
            File.WriteAllLines(prs,
            [
                "{\"number\": 1, \"merge_commit\": ",
                $"{{\"number\": 2, \"merge_commit\": \"{UnknownCommit}\", \"title\": \"Ghost\"}}",
                "",
                $"{{\"merge_commit\": \"{GoodFix}\", \"title\": \"No number\"}}",
                $"{{\"number\": 12, \"merge_commit\": \"{SymlinkFix}\", \"base_commit\": \"{SymlinkBase}\", \"title\": \"Real tests folder\", \"body\": \"neg()\"}}",
                $"{{\"number\": \"13\", \"merge_commit\": \"{GoodFix}\", \"title\": \"String number\"}}",
                $"{{\"number\": 14, \"merge_commit\": \"{GoodFix}\", \"title\": 123}}",
                $"{{\"number\": 15, \"merge_commit\": \"{GoodFix}\", \"title\": \"Body list\", \"body\": [\"a\"]}}",
                $"{{\"number\": 0, \"merge_commit\": true, \"title\": \"Three at once\", \"hints_text\": {{}}}}",
            ]);

            var run = RunFolder.Create(_temp.Combine("run"));
            Summary = await RealTaskMiner.RunAsync(run, Options(repo.Path, prs));
            Instances = [.. JsonlReader.Read<TaskInstance>(Summary.InstancesPath, RunJson.Options)];
            Rejections = [.. JsonlReader.Read<RealTaskRejection>(Summary.RejectedPath, RunJson.Options)];
        }

        public Task DisposeAsync()
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _temp.Dispose();
    }
}
