using System.Diagnostics;
using SweLego.Samples;
using SweLego.Tasks.Git;

namespace SweLego.Tests.TestSupport;

/// <summary>
/// The sample repository "tally" (samples/README.md): a real git history created by
/// <c>samples/make-history.sh</c> whose commits are found by their message tag, e.g.
/// <c>Commit("fix-median")</c>. Commit ids are the same on every run.
/// </summary>
public sealed class SampleHistory
{
    /// <summary>Debian's interpreter, which has pytest (the <c>python3</c> first on PATH has not).</summary>
    public const string Python = "/usr/bin/python3";

    private readonly Dictionary<string, string> _commits;

    private SampleHistory(string path, IReadOnlyList<string> tags, Dictionary<string, string> commits)
    {
        Path = path;
        Tags = tags;
        _commits = commits;
    }

    /// <summary>The created repository (branch main, checked out at the newest commit).</summary>
    public string Path { get; }

    /// <summary>The commit tags without brackets, oldest first: <c>initial</c>, <c>fix-median</c>, ...</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The <c>samples</c> folder of the checkout (found by walking up to SweLego.slnx).</summary>
    public static string SamplesDirectory => SampleRepository.FindSamplesDirectory();

    /// <summary>The library's final state, which the newest commit's tree equals.</summary>
    public static string FinalTreeDirectory => System.IO.Path.Combine(SamplesDirectory, "tally");

    /// <summary>Runs <c>make-history.sh</c> into <paramref name="destination"/> (missing or empty).</summary>
    public static async Task<SampleHistory> CreateAsync(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var path = await SampleRepository.CreateHistoryAsync(destination, CancellationToken.None);
        var commits = await SampleRepository.CommitsByTagAsync(path, CancellationToken.None);
        return new SampleHistory(path, [.. commits.Select(c => c.Tag)], commits.ToDictionary(c => c.Tag, c => c.Commit, StringComparer.Ordinal));
    }

    /// <summary>The id of the commit whose message starts with <c>[tag]</c>; brackets are optional.</summary>
    public string Commit(string tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        var key = tag.StartsWith('[') && tag.EndsWith(']') ? tag[1..^1] : tag;
        return _commits.TryGetValue(key, out var sha)
            ? sha
            : throw new KeyNotFoundException($"no commit tagged [{key}]; tags: {string.Join(", ", Tags)}");
    }

    /// <summary>
    /// Runs git in the repository and returns its output without trailing newlines; a non-zero
    /// exit throws <see cref="GitException"/>.
    /// </summary>
    public async Task<string> GitAsync(params string[] arguments) =>
        (await new GitCommand(Path).RunAsync(arguments, CancellationToken.None)).TrimEnd('\n');

    /// <summary>
    /// Runs <c>/usr/bin/python3 -m pytest</c> with <paramref name="arguments"/> in the repository
    /// (PYTHONPATH = the repository, no bytecode, no cache folder); returns stdout+stderr and the exit code.
    /// </summary>
    public Task<(string Output, int ExitCode)> RunPytestAsync(params string[] arguments) =>
        RunAsync(Python, ["-m", "pytest", "-p", "no:cacheprovider", .. arguments], Path, new Dictionary<string, string>
        {
            ["PYTHONDONTWRITEBYTECODE"] = "1",
            ["PYTHONPATH"] = Path,
        });

    /// <summary>
    /// Writes samples/tally-prs.jsonl to <paramref name="path"/> with each <c>merge_commit</c> tag
    /// (e.g. <c>"[fix-median]"</c>) replaced by this repository's commit id; returns the path.
    /// </summary>
    public string WritePrsFile(string path) => SampleRepository.WritePrsFileAsync(Path, path, CancellationToken.None).GetAwaiter().GetResult();

    private static Task<(string Output, int ExitCode)> RunAsync(
        string program, IReadOnlyList<string> arguments, string directory, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The caller's settings must not change pytest's output or git's view of repositories.
        foreach (var name in (string[])["NO_COLOR", "PY_COLORS", "FORCE_COLOR", "PYTEST_ADDOPTS", "GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"])
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return ChildProcess.RunAsync(info);
    }
}
