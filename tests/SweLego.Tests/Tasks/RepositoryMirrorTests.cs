using SweLego.Tasks;
using SweLego.Tasks.Git;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks;

/// <summary>The run folder's bare mirror of the user's repository: its name, its head, updates, and clear errors.</summary>
public sealed class RepositoryMirrorTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-mirror-");

    [Theory]
    [InlineData("https://github.com/psf/requests.git", "psf/requests")]
    [InlineData("https://github.com/psf/requests", "psf/requests")]
    [InlineData("https://github.com/psf/requests/", "psf/requests")]
    [InlineData("git@github.com:django/django.git", "django/django")]
    [InlineData("ssh://git@github.com/sympy/sympy.git", "sympy/sympy")]
    [InlineData("https://gitlab.example.com/group/my.lib.git", "group/my.lib")]
    public void NameFrom_OriginUrl_OwnerSlashName(string url, string expected) =>
        Assert.Equal(expected, RepositoryMirror.NameFrom(url, "/src/anything"));

    [Theory]
    [InlineData(null, "/src/mylib", "local/mylib")]
    [InlineData(null, "/src/mylib/", "local/mylib")]
    [InlineData(null, "/", "local/repository")]
    [InlineData("/srv/git/upstream.git", "/src/mylib", "local/mylib")]
    [InlineData("file:///srv/git/upstream.git", "/src/mylib", "local/mylib")]
    [InlineData("../upstream/lib", "/src/mylib", "local/mylib")]
    public void NameFrom_NoUsableOrigin_LocalFolderName(string? url, string folder, string expected) =>
        Assert.Equal(expected, RepositoryMirror.NameFrom(url, folder));

    [Fact]
    public async Task CreateOrUpdateAsync_Repository_BareMirrorAtUsersHeadNamedFromOrigin()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("user"));
        string first = await repo.CommitAsync("a.py", "A = 1\n", "one", GitTestRepository.Day(1));
        await repo.GitAsync("remote", "add", "origin", "git@github.com:acme/widgets.git");

        var mirror = await RepositoryMirror.CreateOrUpdateAsync(repo.Path, _temp.Combine("run", "repository.git"), CancellationToken.None);

        Assert.Equal(first, mirror.Head);
        Assert.Equal("acme/widgets", mirror.Name);
        Assert.Equal("acme__widgets", mirror.IdPrefix);
        Assert.Equal(_temp.Combine("run", "repository.git"), mirror.Path);
        Assert.Equal("true", (await mirror.Git.RunAsync(["rev-parse", "--is-bare-repository"], CancellationToken.None)).Trim());
        Assert.Equal(first, (await mirror.Git.RunAsync(["rev-parse", "refs/swelego/head"], CancellationToken.None)).Trim());
        Assert.False(Directory.Exists(_temp.Combine("run", "repository.git.partial")));
    }

    [Fact]
    public async Task CreateOrUpdateAsync_ExistingMirror_FetchesNewHeadEvenDetached()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("user"));
        await repo.CommitAsync("a.py", "A = 1\n", "one", GitTestRepository.Day(1));
        string mirrorPath = _temp.Combine("run", "repository.git");
        await RepositoryMirror.CreateOrUpdateAsync(repo.Path, mirrorPath, CancellationToken.None);
        string second = await repo.CommitAsync("a.py", "A = 2\n", "two", GitTestRepository.Day(2));
        await repo.GitAsync("checkout", "--quiet", "--detach", second);
        await repo.GitAsync("branch", "--quiet", "-D", "main");

        var mirror = await RepositoryMirror.CreateOrUpdateAsync(repo.Path, mirrorPath, CancellationToken.None);

        Assert.Equal(second, mirror.Head);
        Assert.Equal("local/user", mirror.Name);
        Assert.Equal("A = 2\n", await mirror.Git.RunAsync(["show", $"{mirror.Head}:a.py"], CancellationToken.None));
    }

    [Fact]
    public async Task CreateOrUpdateAsync_UsersRepository_OnlyRead()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("user"));
        await repo.CommitAsync("a.py", "A = 1\n", "one", GitTestRepository.Day(1));
        var refsBefore = await repo.LinesAsync("for-each-ref", "--format=%(refname) %(objectname)");
        string configBefore = File.ReadAllText(Path.Combine(repo.Path, ".git", "config"));

        await RepositoryMirror.CreateOrUpdateAsync(repo.Path, _temp.Combine("run", "repository.git"), CancellationToken.None);

        Assert.Equal(refsBefore, await repo.LinesAsync("for-each-ref", "--format=%(refname) %(objectname)"));
        Assert.Equal(configBefore, File.ReadAllText(Path.Combine(repo.Path, ".git", "config")));
        Assert.Empty(await repo.LinesAsync("status", "--porcelain"));
    }

    [Fact]
    public async Task CreateOrUpdateAsync_NoCommits_GitExceptionSaysSo()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("empty"));

        var error = await Assert.ThrowsAsync<GitException>(() => RepositoryMirror.CreateOrUpdateAsync(repo.Path, _temp.Combine("run", "repository.git"), CancellationToken.None));

        Assert.Equal($"{repo.Path} has no commits", error.Message);
        Assert.False(Directory.Exists(_temp.Combine("run")));
    }

    [Fact]
    public async Task CreateOrUpdateAsync_NotARepository_GitExceptionSaysSo()
    {
        Directory.CreateDirectory(_temp.Combine("plain"));

        var error = await Assert.ThrowsAsync<GitException>(() => RepositoryMirror.CreateOrUpdateAsync(_temp.Combine("plain"), _temp.Combine("run", "repository.git"), CancellationToken.None));

        Assert.StartsWith($"{_temp.Combine("plain")} is not a git repository (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task CreateOrUpdateAsync_MissingFolder_GitExceptionNamesIt()
    {
        var error = await Assert.ThrowsAsync<GitException>(() => RepositoryMirror.CreateOrUpdateAsync(_temp.Combine("nowhere"), _temp.Combine("run", "repository.git"), CancellationToken.None));

        Assert.Equal($"{_temp.Combine("nowhere")} does not exist", error.Message);
    }

    public void Dispose() => _temp.Dispose();
}
