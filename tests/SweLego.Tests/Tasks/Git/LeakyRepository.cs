namespace SweLego.Tests.Tasks.Git;

/// <summary>
/// A repository with every kind of leak a real clone can have, around base commit C3:
/// later commits on main, a feature branch, tags before and after the base, a fetched remote,
/// a stash, a note, and a dangling commit left by <c>git reset --hard HEAD~1</c>.
/// </summary>
internal sealed record LeakyRepository(
    GitTestRepository Repo,
    string C1, string C2, string C3, string C4, string C5,
    string Feature, string RemoteCommit, string Stash, string Dangling)
{
    public string Path => Repo.Path;

    public IReadOnlyList<string> FutureCommits => [C4, C5, Feature, RemoteCommit, Stash, Dangling];

    public static async Task<LeakyRepository> CreateAsync(string root)
    {
        var repo = await GitTestRepository.InitAsync(System.IO.Path.Combine(root, "work"));
        var c1 = await repo.CommitAsync("calc.py", "def add(a, b):\n    return a - b\n", "Initial calculator", GitTestRepository.Day(1));
        await repo.GitAsync("tag", "v1");
        var c2 = await repo.CommitAsync("README.md", "calc\n", "Add readme", GitTestRepository.Day(2));
        await repo.GitAsync(GitTestRepository.Day(2), "tag", "-a", "v2", "-m", "release 2");
        var c3 = await repo.CommitAsync("test_calc.py", "from calc import add\n", "Add tests", GitTestRepository.Day(3));
        // An old commit tagged after the base commit: its name alone tells of the future.
        await repo.GitAsync(GitTestRepository.Day(10), "tag", "-a", "late", "-m", "tagged later", c1);
        var c4 = await repo.CommitAsync("calc.py", "def add(a, b):\n    return a + b\n", "Fix add (the gold patch)", GitTestRepository.Day(4));
        var c5 = await repo.CommitAsync("CHANGES.md", "fixed add\n", "Changelog", GitTestRepository.Day(5));
        await repo.GitAsync("tag", "v3");

        await repo.GitAsync("checkout", "--quiet", "-b", "feature", c2);
        var feature = await repo.CommitAsync("feature.py", "x = 1\n", "Feature work", GitTestRepository.Day(6));
        await repo.GitAsync("checkout", "--quiet", "main");

        var upstream = await GitTestRepository.InitAsync(System.IO.Path.Combine(root, "upstream"));
        await upstream.GitAsync("fetch", "--quiet", repo.Path, "main");
        await upstream.GitAsync("reset", "--quiet", "--hard", "FETCH_HEAD");
        var remoteCommit = await upstream.CommitAsync("upstream.py", "y = 2\n", "Upstream only", GitTestRepository.Day(7));
        await repo.GitAsync("remote", "add", "origin", upstream.Path);
        await repo.GitAsync("fetch", "--quiet", "origin");

        repo.Write("calc.py", "def add(a, b):\n    return b + a\n");
        await repo.GitAsync(GitTestRepository.Day(8), "stash", "push", "--quiet", "-m", "work in progress");
        var stash = await repo.GitAsync("rev-parse", "refs/stash");

        await repo.GitAsync(GitTestRepository.Day(9), "notes", "add", "-m", "fixed by C4", c3);
        var dangling = await repo.CommitAsync("oops.py", "z = 3\n", "Dangling commit", GitTestRepository.Day(9));
        await repo.GitAsync("reset", "--quiet", "--hard", "HEAD~1");

        return new LeakyRepository(repo, c1, c2, c3, c4, c5, feature, remoteCommit, stash, dangling);
    }
}
