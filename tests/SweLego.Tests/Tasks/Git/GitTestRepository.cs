using System.Globalization;
using SweLego.Tasks.Git;

namespace SweLego.Tests.Tasks.Git;

/// <summary>A real repository in a temp folder, driven by the git CLI with fixed authors and dates.</summary>
internal sealed class GitTestRepository
{
    public static readonly DateTimeOffset Day0 = new(2024, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private GitTestRepository(string path) => Path = path;

    public string Path { get; }

    public static async Task<GitTestRepository> InitAsync(string path)
    {
        Directory.CreateDirectory(path);
        var repo = new GitTestRepository(path);
        await repo.GitAsync(Day0, "init", "--quiet", "--initial-branch=main");
        return repo;
    }

    public static DateTimeOffset Day(int n) => Day0.AddDays(n);

    public Task<string> GitAsync(params string[] arguments) => GitAsync(Day0, arguments);

    public async Task<string> GitAsync(DateTimeOffset date, params string[] arguments) =>
        (await Command(date).RunAsync(arguments, CancellationToken.None)).TrimEnd('\n');

    public Task<GitResult> TryGitAsync(params string[] arguments) =>
        Command(Day0).TryRunAsync(arguments, null, CancellationToken.None);

    public async Task<IReadOnlyList<string>> LinesAsync(params string[] arguments) =>
        (await GitAsync(arguments)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Writes a file and commits everything, dated <paramref name="date"/>; returns the commit id.</summary>
    public async Task<string> CommitAsync(string file, string content, string message, DateTimeOffset date)
    {
        Write(file, content);
        await GitAsync(date, "add", "--all");
        await GitAsync(date, "commit", "--quiet", "-m", message);
        return await GitAsync("rev-parse", "HEAD");
    }

    public void Write(string file, string content)
    {
        var full = System.IO.Path.Combine(Path, file);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string Read(string file) => File.ReadAllText(System.IO.Path.Combine(Path, file));

    private GitCommand Command(DateTimeOffset date)
    {
        var when = date.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) + " +0000";
        return new GitCommand(Path, new Dictionary<string, string>
        {
            ["GIT_AUTHOR_NAME"] = "Test Author",
            ["GIT_AUTHOR_EMAIL"] = "author@example.com",
            ["GIT_AUTHOR_DATE"] = when,
            ["GIT_COMMITTER_NAME"] = "Test Author",
            ["GIT_COMMITTER_EMAIL"] = "author@example.com",
            ["GIT_COMMITTER_DATE"] = when,
        });
    }
}
