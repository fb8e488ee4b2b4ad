using SweLego.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Git;

public sealed class HistorySanitizerTests
{
    [Fact]
    public async Task SanitizeForRealTaskAsync_LeakyRepository_LeavesOnlyBaseHistory()
    {
        using var temp = new TempDirectory();
        var leaky = await LeakyRepository.CreateAsync(temp.Path);
        var repo = leaky.Repo;

        var result = await HistorySanitizer.SanitizeForRealTaskAsync(leaky.Path, leaky.C3[..10], CancellationToken.None);

        Assert.Equal(leaky.C3, result.BaseCommit);
        Assert.True(result.Audit.IsClean, result.Audit.Describe());
        Assert.Equal(["origin"], result.RemovedRemotes);
        Assert.Equal(["refs/tags/v1", "refs/tags/v2"], result.KeptTags);
        Assert.Contains("refs/heads/feature", result.DeletedRefs);
        Assert.Contains("refs/stash", result.DeletedRefs);

        Assert.Equal(leaky.C3, await repo.GitAsync("rev-parse", "HEAD"));
        Assert.Equal("refs/heads/main", await repo.GitAsync("symbolic-ref", "HEAD"));
        Assert.Equal("def add(a, b):\n    return a - b\n", repo.Read("calc.py"));
        Assert.False(File.Exists(Path.Combine(repo.Path, "CHANGES.md")));
        Assert.Equal(["main"], await repo.LinesAsync("branch", "--format=%(refname:short)"));
        Assert.Equal(["v1", "v2"], await repo.LinesAsync("tag"));
        Assert.Empty(await repo.LinesAsync("remote"));
        Assert.Empty(await repo.LinesAsync("stash", "list"));
        Assert.Empty(await repo.LinesAsync("reflog"));
        Assert.Empty(await repo.LinesAsync("notes", "list"));
        Assert.Equal(
            new[] { leaky.C1, leaky.C2, leaky.C3 }.Order(StringComparer.Ordinal),
            (await repo.LinesAsync("log", "--all", "--reflog", "--format=%H")).Order(StringComparer.Ordinal));
        var fsck = await repo.GitAsync("fsck", "--lost-found", "--unreachable", "--no-reflogs");
        Assert.DoesNotContain("dangling", fsck, StringComparison.Ordinal);
        Assert.DoesNotContain("unreachable", fsck, StringComparison.Ordinal);
        foreach (var future in leaky.FutureCommits)
        {
            Assert.False((await repo.TryGitAsync("cat-file", "-e", future)).Succeeded, $"{future} is still in the object database");
        }

        var commitObjects = (await repo.LinesAsync("cat-file", "--batch-all-objects", "--batch-check=%(objecttype) %(objectname)"))
            .Where(l => l.StartsWith("commit ", StringComparison.Ordinal)).Select(l => l[7..]).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { leaky.C1, leaky.C2, leaky.C3 }.Order(StringComparer.Ordinal), commitObjects);
        foreach (var stateFile in new[] { "ORIG_HEAD", "FETCH_HEAD", "COMMIT_EDITMSG" })
        {
            Assert.False(File.Exists(Path.Combine(repo.Path, ".git", stateFile)), stateFile);
        }

        var config = await repo.GitAsync("config", "--local", "--list");
        Assert.DoesNotContain("remote.", config, StringComparison.Ordinal);
        Assert.DoesNotContain("feature", config, StringComparison.Ordinal);
        Assert.True((await HistoryAudit.AuditAsync(leaky.Path, leaky.C3, CancellationToken.None)).IsClean);
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_DanglingCommit_FoundBeforeAndGoneAfter()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        var @base = await repo.CommitAsync("a.py", "a = 2\n", "Two", GitTestRepository.Day(2));
        var dangling = await repo.CommitAsync("a.py", "a = 3\n", "The answer", GitTestRepository.Day(3));
        await repo.GitAsync("reset", "--quiet", "--hard", "HEAD~1");
        var before = await HistoryAudit.AuditAsync(repo.Path, @base, CancellationToken.None);
        Assert.Contains(before.LeakedCommits, l => l.ObjectId == dangling);

        var result = await HistorySanitizer.SanitizeForRealTaskAsync(repo.Path, @base, CancellationToken.None);

        Assert.True(result.Audit.IsClean, result.Audit.Describe());
        Assert.False((await repo.TryGitAsync("cat-file", "-e", dangling)).Succeeded);
        Assert.False(File.Exists(Path.Combine(repo.Path, ".git", "objects", dangling[..2], dangling[2..])));
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_SanitizedTwice_SameResultAndStillClean()
    {
        using var temp = new TempDirectory();
        var leaky = await LeakyRepository.CreateAsync(temp.Path);
        await HistorySanitizer.SanitizeForRealTaskAsync(leaky.Path, leaky.C3, CancellationToken.None);

        var again = await HistorySanitizer.SanitizeForRealTaskAsync(leaky.Path, leaky.C3, CancellationToken.None);

        Assert.True(again.Audit.IsClean);
        Assert.Empty(again.DeletedRefs);
        Assert.Empty(again.RemovedRemotes);
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_NotAGitRepository_ThrowsGitException()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("a.py"), "a = 1\n");

        var error = await Assert.ThrowsAsync<GitException>(() => HistorySanitizer.SanitizeForRealTaskAsync(temp.Path, "HEAD", CancellationToken.None));

        Assert.Contains("is not a git repository", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_MissingDirectory_ThrowsGitException()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<GitException>(() => HistorySanitizer.SanitizeForRealTaskAsync(temp.Combine("nope"), "HEAD", CancellationToken.None));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_UnknownBaseCommit_ThrowsAndChangesNothing()
    {
        using var temp = new TempDirectory();
        var leaky = await LeakyRepository.CreateAsync(temp.Path);

        var error = await Assert.ThrowsAsync<GitException>(() => HistorySanitizer.SanitizeForRealTaskAsync(leaky.Path, "deadbeefdeadbeef", CancellationToken.None));

        Assert.Equal($"base commit 'deadbeefdeadbeef' is not a commit in {leaky.Path}", error.Message);
        Assert.Equal(["feature", "main"], await leaky.Repo.LinesAsync("branch", "--format=%(refname:short)"));
        Assert.Equal(["origin"], await leaky.Repo.LinesAsync("remote"));
    }

    [Fact]
    public async Task ResetToSingleCommitAsync_RepositoryWithHistory_OneRootCommitAndCleanAudit()
    {
        using var temp = new TempDirectory();
        var leaky = await LeakyRepository.CreateAsync(temp.Path);
        var repo = leaky.Repo;
        var filesBefore = repo.Read("calc.py");

        var commit = await HistorySanitizer.ResetToSingleCommitAsync(repo.Path, "Initial commit", CancellationToken.None);

        Assert.Equal([commit], await repo.LinesAsync("rev-list", "--all", "--reflog"));
        Assert.Equal(commit, await repo.GitAsync("rev-parse", "HEAD"));
        Assert.Equal("", await repo.GitAsync("log", "-1", "--format=%P"));
        Assert.Equal("SweLego <swelego@localhost> 946684800", await repo.GitAsync("log", "-1", "--format=%cn <%ce> %ct"));
        Assert.Equal(filesBefore, repo.Read("calc.py"));
        Assert.Equal(filesBefore, await repo.GitAsync("show", "HEAD:calc.py") + "\n");
        Assert.Empty(await repo.LinesAsync("status", "--porcelain"));
        Assert.Empty(await repo.LinesAsync("remote"));
        Assert.Empty(await repo.LinesAsync("tag"));
        var audit = await HistoryAudit.AuditAsync(repo.Path, null, CancellationToken.None);
        Assert.True(audit.IsClean, audit.Describe());
    }

    [Fact]
    public async Task ResetToSingleCommitAsync_SameFilesInTwoFolders_SameCommitId()
    {
        using var temp = new TempDirectory();
        var withHistory = await GitTestRepository.InitAsync(temp.Combine("a"));
        await withHistory.CommitAsync("pkg/mod.py", "x = 1\n", "One", GitTestRepository.Day(1));
        await withHistory.CommitAsync("pkg/mod.py", "x = 2\n", "Two", GitTestRepository.Day(2));
        Directory.CreateDirectory(temp.Combine("b", "pkg"));
        File.WriteAllText(temp.Combine("b", "pkg", "mod.py"), "x = 2\n");

        var first = await HistorySanitizer.ResetToSingleCommitAsync(withHistory.Path, "Synthetic task", CancellationToken.None);
        var second = await HistorySanitizer.ResetToSingleCommitAsync(temp.Combine("b"), "Synthetic task", CancellationToken.None);
        var third = await HistorySanitizer.ResetToSingleCommitAsync(temp.Combine("b"), "Synthetic task", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(second, third);
    }

    [Fact]
    public async Task ResetToSingleCommitAsync_NestedGitFolder_RemovedAndItsFilesCommitted()
    {
        using var temp = new TempDirectory();
        var outer = await GitTestRepository.InitAsync(temp.Combine("outer"));
        await outer.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        var vendored = await GitTestRepository.InitAsync(temp.Combine("outer", "vendor", "lib"));
        await vendored.CommitAsync("lib.py", "v = 1\n", "Vendored history", GitTestRepository.Day(2));

        await HistorySanitizer.ResetToSingleCommitAsync(outer.Path, "Synthetic task", CancellationToken.None);

        Assert.False(Directory.Exists(temp.Combine("outer", "vendor", "lib", ".git")));
        Assert.Equal(["a.py", "vendor/lib/lib.py"], await outer.LinesAsync("ls-files"));
        Assert.True((await HistoryAudit.AuditAsync(outer.Path, null, CancellationToken.None)).IsClean);
    }
}
