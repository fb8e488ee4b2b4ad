using System.Diagnostics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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

    private static readonly Lazy<string> SamplesFolder = new(FindSamplesFolder);

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
    public static string SamplesDirectory => SamplesFolder.Value;

    /// <summary>The library's final state, which the newest commit's tree equals.</summary>
    public static string FinalTreeDirectory => System.IO.Path.Combine(SamplesDirectory, "tally");

    /// <summary>Runs <c>make-history.sh</c> into <paramref name="destination"/> (missing or empty).</summary>
    public static async Task<SampleHistory> CreateAsync(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        var script = System.IO.Path.Combine(SamplesDirectory, "make-history.sh");
        var (output, exitCode) = await RunAsync("/bin/bash", [script, destination], SamplesDirectory, new Dictionary<string, string>());
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"make-history.sh {destination} exited with {exitCode}:\n{output}");
        }

        var path = System.IO.Path.GetFullPath(destination);
        var log = await new GitCommand(path).RunAsync(["log", "--reverse", "--format=%H %s", "main"], CancellationToken.None);
        var tags = new List<string>();
        var commits = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var sha = line[..line.IndexOf(' ', StringComparison.Ordinal)];
            var subject = line[(sha.Length + 1)..];
            var close = subject.IndexOf(']', StringComparison.Ordinal);
            if (!subject.StartsWith('[') || close < 0)
            {
                throw new InvalidOperationException($"commit {sha} has no [tag]: {subject}");
            }

            var tag = subject[1..close];
            tags.Add(tag);
            commits.Add(tag, sha);
        }

        return new SampleHistory(path, tags, commits);
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
    public string WritePrsFile(string path)
    {
        var options = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        var lines = new StringBuilder();
        foreach (var line in File.ReadLines(System.IO.Path.Combine(SamplesDirectory, "tally-prs.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var record = JsonNode.Parse(line)!.AsObject();
            record["merge_commit"] = Commit(record["merge_commit"]!.GetValue<string>());
            lines.Append(record.ToJsonString(options)).Append('\n');
        }

        File.WriteAllText(path, lines.ToString());
        return path;
    }

    private static string FindSamplesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "SweLego.slnx")))
            {
                return System.IO.Path.Combine(folder.FullName, "samples");
            }
        }

        throw new InvalidOperationException($"no SweLego.slnx above {AppContext.BaseDirectory}");
    }

    private static async Task<(string Output, int ExitCode)> RunAsync(
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

        using var process = Process.Start(info)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (await stdout + await stderr, process.ExitCode);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }
}
