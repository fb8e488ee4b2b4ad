using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness.Specs;

/// <summary>
/// The harness's tables for SWE-bench's Python repositories, kept as data in the embedded
/// `swebench-python-specs.json` (repository → log parser, version → test command, eval-time
/// commands, install line, Python), and its rule that turns a test patch into test directives.
/// </summary>
public static partial class SweBenchSpecs
{
    private const string ResourceName = "SweLego.Tasks.Harness.Specs.swebench-python-specs.json";

    // NON_TEST_EXTS, as written there: "csv" has no dot, so any path ending in "csv" is dropped.
    private static readonly string[] NonTestExtensions = [".json", ".png", "csv", ".txt", ".md", ".jpg", ".jpeg", ".pkl", ".yml", ".yaml", ".toml"];

    private static readonly Lazy<Dictionary<string, Repository>> Table = new(Load);

    /// <summary>The repositories with a table, e.g. `django/django`, `sympy/sympy`.</summary>
    public static IReadOnlyList<string> Repositories => [.. Table.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The versions the harness knows for <paramref name="repository"/> (empty when none).</summary>
    public static IReadOnlyList<string> Versions(string repository) =>
        Table.Value.TryGetValue(repository, out var repo) ? [.. repo.Versions.Keys] : [];

    public static bool TryGet(string repository, string version, [NotNullWhen(true)] out SweBenchSpec? spec)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(version);
        spec = null;
        if (!Table.Value.TryGetValue(repository, out var repo) || !repo.Versions.TryGetValue(version, out var entry))
        {
            return false;
        }
        spec = new SweBenchSpec(repository, version, repo.LogParser, entry.TestCommand, entry.EvalCommands ?? [], entry.Install, entry.Python);
        return true;
    }

    /// <exception cref="ArgumentException">No table for the repository or version; the message lists what exists.</exception>
    public static SweBenchSpec Get(string repository, string version) =>
        TryGet(repository, version, out var spec) ? spec
        : Table.Value.TryGetValue(repository, out var repo)
            ? throw new ArgumentException($"the harness has no spec for {repository} version '{version}'; known versions: {string.Join(", ", repo.Versions.Keys)}", nameof(version))
            : throw new ArgumentException($"the harness has no spec for repository '{repository}'; known repositories: {string.Join(", ", Repositories)}", nameof(repository));

    /// <summary>The repository's log parser (our name), or null when the harness has no table for it.</summary>
    public static string? LogParser(string repository) => Table.Value.TryGetValue(repository, out var repo) ? repo.LogParser : null;

    /// <summary>
    /// The harness's get_test_directives: the `b/` path of every `diff --git` line of the test
    /// patch, minus non-test files (by ending); for Django each becomes a dotted module relative
    /// to `tests/` (`tests/auth/test_views.py` → `auth.test_views`), the label runtests.py takes.
    /// </summary>
    public static IReadOnlyList<string> TestDirectives(string repository, string testPatch)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(testPatch);
        var directives = DiffGitTarget().Matches(testPatch).Select(m => m.Groups[1].Value)
            .Where(path => !NonTestExtensions.Any(ext => path.EndsWith(ext, StringComparison.Ordinal)));
        if (repository == "django/django")
        {
            directives = directives.Select(path =>
            {
                path = path.EndsWith(".py", StringComparison.Ordinal) ? path[..^3] : path;
                path = path.StartsWith("tests/", StringComparison.Ordinal) ? path["tests/".Length..] : path;
                return path.Replace('/', '.');
            });
        }
        return [.. directives];
    }

    /// <summary>
    /// The harness's get_modified_files: the files the test patch changes that exist before it (new
    /// files excluded), by their `a/` path; eval.sh resets these to the base commit before and after
    /// the tests.
    /// </summary>
    public static IReadOnlyList<string> TestFiles(string testPatch)
    {
        ArgumentNullException.ThrowIfNull(testPatch);
        var files = new List<string>();
        string? source = null;
        var inHeader = false;
        foreach (var line in testPatch.Split('\n'))
        {
            var header = DiffGitHeader().Match(line);
            if (header.Success)
            {
                Add(files, source);
                source = header.Groups[1].Value;
                inHeader = true;
                continue;
            }
            if (!inHeader)
            {
                continue;
            }
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                inHeader = false;
            }
            else if (line.StartsWith("new file mode", StringComparison.Ordinal))
            {
                source = "/dev/null";
            }
            else if (SourceFileLine().Match(line) is { Success: true } from)
            {
                source = from.Groups[1].Value;
            }
        }
        Add(files, source);
        return files;

        static void Add(List<string> files, string? source)
        {
            if (source is not null && source.StartsWith("a/", StringComparison.Ordinal))
            {
                files.Add(source[2..]);
            }
        }
    }

    private static Dictionary<string, Repository> Load()
    {
        using var document = JsonDocument.Parse(EmbeddedResources.ReadBytes(ResourceName));
        var table = new Dictionary<string, Repository>(StringComparer.Ordinal);
        foreach (var repo in document.RootElement.GetProperty("repositories").EnumerateObject())
        {
            var versions = new Dictionary<string, Entry>(StringComparer.Ordinal);
            foreach (var version in repo.Value.GetProperty("versions").EnumerateObject())
            {
                var v = version.Value;
                versions[version.Name] = new Entry(
                    v.GetProperty("testCommand").GetString()!,
                    v.TryGetProperty("evalCommands", out var eval) ? [.. eval.EnumerateArray().Select(e => e.GetString()!)] : null,
                    v.TryGetProperty("install", out var install) ? install.GetString() : null,
                    v.GetProperty("python").GetString()!);
            }
            table[repo.Name] = new Repository(repo.Value.GetProperty("logParser").GetString()!, versions);
        }
        return table;
    }

    private sealed record Repository(string LogParser, Dictionary<string, Entry> Versions);

    private sealed record Entry(string TestCommand, IReadOnlyList<string>? EvalCommands, string? Install, string Python);

    // Python's re.findall(r"diff --git a/.* b/(.*)"): greedy, so the last " b/" of the line splits.
    [GeneratedRegex(@"diff --git a/.* b/(.*)")]
    private static partial Regex DiffGitTarget();

    // unidiff's git header: the source is everything up to the last " b/".
    [GeneratedRegex(@"^diff --git (a/[^\t\n]+) (b/[^\t\n]+)")]
    private static partial Regex DiffGitHeader();

    [GeneratedRegex(@"^--- ([^\t\n]+)")]
    private static partial Regex SourceFileLine();
}
