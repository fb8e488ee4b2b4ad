using SweLego.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Git;

/// <summary>Sanitization against the ways git stores objects and refs outside the plain loose-object case.</summary>
public sealed class HistorySanitizerStorageTests
{
    [Fact]
    public async Task SanitizeForRealTaskAsync_FutureCommitsInKeptPackAndPackedRefs_AllRemoved()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        var @base = await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        var future = await repo.CommitAsync("a.py", "a = 2\n", "Future fix", GitTestRepository.Day(2));
        await repo.GitAsync("tag", "v2");
        await repo.GitAsync("-c", "gc.auto=0", "gc", "--quiet");
        await repo.GitAsync("pack-refs", "--all");
        var pack = Directory.GetFiles(Path.Combine(repo.Path, ".git", "objects", "pack"), "*.pack").Single();
        File.WriteAllText(Path.ChangeExtension(pack, ".keep"), "");
        Assert.Contains("refs/tags/v2", File.ReadAllText(Path.Combine(repo.Path, ".git", "packed-refs")), StringComparison.Ordinal);

        var result = await HistorySanitizer.SanitizeForRealTaskAsync(repo.Path, @base, CancellationToken.None);

        Assert.True(result.Audit.IsClean, result.Audit.Describe());
        Assert.False((await repo.TryGitAsync("cat-file", "-e", future)).Succeeded);
        Assert.DoesNotContain("v2", File.ReadAllText(Path.Combine(repo.Path, ".git", "packed-refs")), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(repo.Path, ".git", "objects", "pack"), "*.keep"));
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_SharedCloneWithAlternates_CopiesNeededObjectsAndCutsTheLink()
    {
        using var temp = new TempDirectory();
        var source = await GitTestRepository.InitAsync(temp.Combine("source"));
        var @base = await source.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        var future = await source.CommitAsync("a.py", "a = 2\n", "Future fix", GitTestRepository.Day(2));
        var clone = new GitCommand(temp.Path);
        await clone.RunAsync(["clone", "--quiet", "--shared", source.Path, temp.Combine("work")], CancellationToken.None);
        var work = temp.Combine("work");

        var before = await HistoryAudit.AuditAsync(work, @base, CancellationToken.None);
        Assert.Contains(before.Leaks, l => l.Kind == LeakKind.StateFile && l.Name == "objects/info/alternates");
        Assert.Contains(before.LeakedCommits, l => l.ObjectId == future);

        var result = await HistorySanitizer.SanitizeForRealTaskAsync(work, @base, CancellationToken.None);

        Assert.True(result.Audit.IsClean, result.Audit.Describe());
        Assert.False(File.Exists(Path.Combine(work, ".git", "objects", "info", "alternates")));
        var git = new GitCommand(work);
        Assert.Equal("a = 1\n", await git.RunAsync(["show", "HEAD:a.py"], CancellationToken.None));
        Assert.Equal(0, (await git.TryRunAsync(["fsck", "--full"], null, CancellationToken.None)).ExitCode);
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_UntrackedAndIgnoredFiles_RemovesUntrackedKeepsIgnored()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Path);
        var @base = await repo.CommitAsync(".gitignore", "build/\n", "Ignore build", GitTestRepository.Day(1));
        repo.Write("build/lib.so", "binary");
        repo.Write("solution.py", "the answer\n");

        await HistorySanitizer.SanitizeForRealTaskAsync(repo.Path, @base, CancellationToken.None);

        Assert.False(File.Exists(Path.Combine(repo.Path, "solution.py")));
        Assert.True(File.Exists(Path.Combine(repo.Path, "build", "lib.so")));
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_LinkedWorktree_ThrowsAndLeavesMainRepositoryAlone()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Combine("main"));
        var @base = await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        await repo.CommitAsync("a.py", "a = 2\n", "Two", GitTestRepository.Day(2));
        await repo.GitAsync("worktree", "add", "--quiet", "-b", "other", temp.Combine("linked"), @base);

        var error = await Assert.ThrowsAsync<GitException>(
            () => HistorySanitizer.SanitizeForRealTaskAsync(temp.Combine("linked"), @base, CancellationToken.None));

        Assert.Contains("linked worktree", error.Message, StringComparison.Ordinal);
        Assert.Equal(["main", "other"], await repo.LinesAsync("branch", "--format=%(refname:short)"));
    }

    [Fact]
    public async Task SanitizeForRealTaskAsync_RepositoryWithLinkedWorktree_DropsItsHeadAndObjects()
    {
        using var temp = new TempDirectory();
        var repo = await GitTestRepository.InitAsync(temp.Combine("main"));
        var @base = await repo.CommitAsync("a.py", "a = 1\n", "One", GitTestRepository.Day(1));
        await repo.GitAsync("worktree", "add", "--quiet", "--detach", temp.Combine("linked"), @base);
        var linked = new GitCommand(temp.Combine("linked"));
        File.WriteAllText(temp.Combine("linked", "a.py"), "a = 2\n");
        await linked.RunAsync(["-c", "user.name=x", "-c", "user.email=x@y", "commit", "--quiet", "-am", "Detached future"], CancellationToken.None);
        var future = (await linked.RunAsync(["rev-parse", "HEAD"], CancellationToken.None)).Trim();

        var result = await HistorySanitizer.SanitizeForRealTaskAsync(repo.Path, @base, CancellationToken.None);

        Assert.True(result.Audit.IsClean, result.Audit.Describe());
        Assert.False((await repo.TryGitAsync("cat-file", "-e", future)).Succeeded);
    }
}
