using SweLego.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Git;

public sealed class HistoryAuditTests
{
    [Fact]
    public async Task AuditAsync_UnsanitizedRepository_NamesEveryLeak()
    {
        using var temp = new TempDirectory();
        var leaky = await LeakyRepository.CreateAsync(temp.Path);

        var report = await HistoryAudit.AuditAsync(leaky.Path, leaky.C3, CancellationToken.None);

        Assert.False(report.IsClean);
        Assert.Equal(leaky.C3, report.BaseCommit);
        var commits = report.LeakedCommits.Select(l => l.Name).ToHashSet();
        foreach (var future in leaky.FutureCommits)
        {
            Assert.Contains(future, commits);
        }

        Assert.DoesNotContain(leaky.C1, commits);
        Assert.DoesNotContain(leaky.C2, commits);
        Assert.DoesNotContain(leaky.C3, commits);
        var fix = Assert.Single(report.Leaks, l => l.Name == leaky.C4);
        Assert.Equal("Fix add (the gold patch)", fix.Subject);
        Assert.Equal(GitTestRepository.Day(4), fix.Date);
        Assert.Contains(leaky.C4, fix.Description, StringComparison.Ordinal);
        Assert.Contains("newer than the base commit", fix.Description, StringComparison.Ordinal);
        Assert.Contains("reachable from a ref", fix.Description, StringComparison.Ordinal);
        Assert.Contains("dangling", Assert.Single(report.Leaks, l => l.Name == leaky.Dangling).Description, StringComparison.Ordinal);

        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.Head && l.ObjectId == leaky.C5);
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.Remote && l.Name == "origin");
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.Remote && l.Name == "refs/remotes/origin/main" && l.ObjectId == leaky.RemoteCommit);
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.Branch && l.Name == "refs/heads/feature" && l.ObjectId == leaky.Feature);
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.Stash && l.ObjectId == leaky.Stash);
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.Ref && l.Name == "refs/notes/commits");
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.Reflog && l.ObjectId == leaky.Dangling);
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.StateFile && l.Name == "ORIG_HEAD");
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.StateFile && l.Name == "FETCH_HEAD");
        // The future version of calc.py, as a blob, is a leak even without its commit.
        Assert.Contains(report.Leaks, l => l.Kind == LeakKind.UnreachableObject && l.Description.StartsWith("blob ", StringComparison.Ordinal));

        var tags = report.Leaks.Where(l => l.Kind == LeakKind.Tag).Select(l => l.Name).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["refs/tags/late", "refs/tags/v3"], tags);
        Assert.Contains("after the base commit", Assert.Single(report.Leaks, l => l.Name == "refs/tags/late").Description, StringComparison.Ordinal);
        Assert.Contains(leaky.C4, report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_DanglingCommitWithoutReflog_FoundInObjectDatabase()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        var @base = await repo.CommitAsync("a.py", "a = 2\n", "Two", GitTestRepository.Day(2));
        var dangling = await repo.CommitAsync("a.py", "a = 3\n", "The answer", GitTestRepository.Day(3));
        await repo.GitAsync("reset", "--quiet", "--hard", "HEAD~1");
        await repo.GitAsync("reflog", "expire", "--expire=now", "--expire-unreachable=now", "--all");
        File.Delete(Path.Combine(repo.Path, ".git", "ORIG_HEAD"));
        Assert.DoesNotContain(dangling, await repo.LinesAsync("log", "--all", "--reflog", "--format=%H"));

        var report = await HistoryAudit.AuditAsync(repo.Path, @base, CancellationToken.None);

        var leak = Assert.Single(report.LeakedCommits);
        Assert.Equal(dangling, leak.ObjectId);
        Assert.Equal("The answer", leak.Subject);
        Assert.Contains("dangling", leak.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_SyntheticWithHistory_NamesEveryCommitButHead()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        var first = await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        var second = await repo.CommitAsync("b.py", "b = 1\n", "Two", GitTestRepository.Day(2));
        var head = await repo.CommitAsync("a.py", "a = 2\n", "Three", GitTestRepository.Day(3));

        var report = await HistoryAudit.AuditAsync(repo.Path, baseCommit: null, CancellationToken.None);

        Assert.Null(report.BaseCommit);
        Assert.Equal(head, report.HeadCommit);
        Assert.Equal([second, first], report.LeakedCommits.Select(l => l.Name));
        Assert.All(report.LeakedCommits, l => Assert.Contains("synthetic", l.Description, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditAsync_CleanRealWorkspaceWithOldTag_IsClean()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        await repo.GitAsync(GitTestRepository.Day(1), "tag", "-a", "v1", "-m", "one");
        var @base = await repo.CommitAsync("a.py", "a = 2\n", "Two", GitTestRepository.Day(2));
        Directory.Delete(Path.Combine(repo.Path, ".git", "logs"), recursive: true);
        File.Delete(Path.Combine(repo.Path, ".git", "COMMIT_EDITMSG"));

        var report = await HistoryAudit.AuditAsync(repo.Path, @base, CancellationToken.None);

        Assert.True(report.IsClean, report.Describe());
        Assert.StartsWith("clean:", report.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_TagsOnBlobAndOnOldSideBranch_BothLeaksWithReason()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        var first = await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        await repo.GitAsync("checkout", "--quiet", "-b", "side");
        var side = await repo.CommitAsync("b.py", "b = 1\n", "Side", GitTestRepository.Day(2));
        await repo.GitAsync("tag", "side-tag");
        await repo.GitAsync("checkout", "--quiet", "main");
        await repo.GitAsync("branch", "--quiet", "-D", "side");
        var @base = await repo.CommitAsync("a.py", "a = 2\n", "Base", GitTestRepository.Day(3));
        var blob = await repo.GitAsync("rev-parse", $"{first}:a.py");
        await repo.GitAsync("tag", "blob-tag", blob);

        var report = await HistoryAudit.AuditAsync(repo.Path, @base, CancellationToken.None);

        var sideTag = Assert.Single(report.Leaks, l => l.Name == "refs/tags/side-tag");
        Assert.Equal(side, sideTag.ObjectId);
        Assert.Contains("is not in the base commit's history", sideTag.Description, StringComparison.Ordinal);
        Assert.Contains("names a blob object", Assert.Single(report.Leaks, l => l.Name == "refs/tags/blob-tag").Description, StringComparison.Ordinal);
        Assert.Contains(report.LeakedCommits, l => l.ObjectId == side && l.Description.Contains("not an ancestor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuditAsync_NotAGitRepository_ThrowsGitException()
    {
        using var temp = new TempDirectory();

        var error = await Assert.ThrowsAsync<GitException>(() => HistoryAudit.AuditAsync(temp.Path, null, CancellationToken.None));

        Assert.Contains("is not a git repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_SubfolderOfRepository_ThrowsInsteadOfAuditingTheParent()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        await repo.CommitAsync("pkg/a.py", "a = 1\n", "One", GitTestRepository.Day(1));

        var error = await Assert.ThrowsAsync<GitException>(() => HistoryAudit.AuditAsync(Path.Combine(repo.Path, "pkg"), null, CancellationToken.None));

        Assert.Contains("not a git repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditAsync_UnknownBaseCommit_ThrowsNamingTheCommit()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));

        var error = await Assert.ThrowsAsync<GitException>(() => HistoryAudit.AuditAsync(repo.Path, "0123456789abcdef", CancellationToken.None));

        Assert.Contains("base commit '0123456789abcdef' is not a commit", error.Message, StringComparison.Ordinal);
    }
}
