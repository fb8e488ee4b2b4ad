using System.Security.Cryptography;
using System.Text.Json;
using SweLego.Python;
using SweLego.Sandboxes;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic.Coverage;

/// <summary>
/// Which tests execute which functions: runs the test command once with the embedded pytest
/// plugin <c>swelego_coverage.py</c> (a global trace function that records each test's code
/// objects; see the file) and maps what it recorded to SweLego.Python's functions. The plugin
/// lives in <c>&lt;workdir&gt;/.git/swelego/</c> (written by the host, invisible to git), its JSON
/// output in <c>&lt;workdir&gt;/.swelego-coverage-*.json</c> (the sandbox writes it; a checkout's
/// .git is read-only inside bwrap), removed once read; PYTHONPATH is extended for that one
/// command only, so the session's shell is left as it was.
/// </summary>
public static class TestCoverage
{
    /// <summary>The plugin's module name, loaded with <c>-p</c>.</summary>
    public const string PluginModule = "swelego_coverage";

    private const int TailLines = 30;

    private static readonly ExecOptions Quick = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static readonly Lazy<byte[]> Plugin = new(() => EmbeddedResources.ReadBytes($"SweLego.Tasks.Synthetic.Coverage.{PluginModule}.py"));

    /// <summary>The plugin's source (embedded in the assembly).</summary>
    public static ReadOnlyMemory<byte> PluginSource => Plugin.Value;

    /// <summary>
    /// Runs <paramref name="testCommand"/> (a pytest command such as <c>pytest -rA</c>; <paramref name="testFiles"/>
    /// appended, shell-quoted) with the coverage plugin. Problems running the tests (collection
    /// error, timeout, no output file) are a result without a map, not exceptions; failing tests
    /// still get their coverage.
    /// </summary>
    public static async Task<CoverageResult> CollectAsync(
        ISandboxSession session, string testCommand, IReadOnlyList<string> testFiles, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(testCommand);
        ArgumentNullException.ThrowIfNull(testFiles);

        string workdir = session.Workdir.TrimEnd('/');
        string folder = $"{workdir}/.git/swelego";
        // The workspace's root, not .git/swelego: a bwrap checkout's .git is read-only inside the sandbox.
        string output = $"{workdir}/.swelego-coverage-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.json";
        await session.WriteFileAsync($"{folder}/{PluginModule}.py", Plugin.Value, cancellationToken);

        // A subshell: the variables end with the command, and the files follow the plugin option.
        string files = string.Join(' ', testFiles.Select(BashQuoting.Quote));
        string command =
            $"(export PYTHONPATH={BashQuoting.Quote(folder)}${{PYTHONPATH:+:$PYTHONPATH}} SWELEGO_COVERAGE_OUTPUT={BashQuoting.Quote(output)} "
            + $"SWELEGO_COVERAGE_ROOT={BashQuoting.Quote(workdir)}\n{testCommand} -p {PluginModule} {files}\n)";
        var run = await SandboxTestRunner.RunAsync(session, command, [], TestLogParsers.Get("pytest"), timeout, cancellationToken);

        byte[] json;
        try
        {
            if (run.Outcome.Kind == TestRunKind.Infrastructure)
                return Failure($"the tests did not run: {run.Outcome.Reason}", run);
            var found = await session.ExecAsync($"test -f {BashQuoting.Quote(output)}", Quick, cancellationToken);
            if (found.ExitCode != 0)
                return Failure($"the coverage plugin wrote no {output} (was it loaded, did pytest end early?)", run);
            json = await session.ReadFileAsync(output, cancellationToken);
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
                await session.ExecAsync($"rm -f {BashQuoting.Quote(output)} {BashQuoting.Quote(output)}.*", Quick, cancellationToken);
        }

        Dictionary<string, List<RecordedCode>> recorded;
        try
        {
            recorded = ParseRecording(json);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return Failure($"the coverage plugin's output is not valid: {e.Message}", run);
        }

        var map = await MapAsync(recorded, file => ReadSourceAsync(session, $"{workdir}/{file}", cancellationToken), run.Outcome.Statuses);
        return new CoverageResult(map, null, null, run);
    }

    /// <summary>
    /// Turns the plugin's records into functions: each (file, first line, qualname) is looked up
    /// among the functions SweLego.Python finds in the file (read with <paramref name="readSource"/>,
    /// null when unreadable); module and class bodies, lambdas and comprehensions match no function.
    /// </summary>
    internal static async Task<CoverageMap> MapAsync(
        IReadOnlyDictionary<string, List<RecordedCode>> recorded, Func<string, Task<byte[]?>> readSource,
        IReadOnlyDictionary<string, TestStatus>? statuses)
    {
        var modules = new Dictionary<string, ModuleFunctionIndex?>(StringComparer.Ordinal);
        foreach (string file in recorded.Values.SelectMany(codes => codes.Select(c => c.File)).Distinct(StringComparer.Ordinal))
        {
            byte[]? source = await readSource(file);
            modules[file] = source is null ? null : new ModuleFunctionIndex(PythonSource.Parse(source, file));
        }

        var tests = new List<KeyValuePair<string, IEnumerable<FunctionKey>>>();
        foreach (var (test, codes) in recorded)
        {
            var functions = new List<FunctionKey>();
            foreach (var code in codes)
            {
                if (modules[code.File]?.Find(code.FirstLine, code.QualifiedName) is { } function)
                    functions.Add(new FunctionKey(code.File, function.QualifiedName));
            }

            tests.Add(new(test, functions));
        }

        return CoverageMap.Create(tests, statuses);
    }

    /// <summary>Parses the plugin's document: <c>{nodeid: [[file, firstlineno, qualname], ...]}</c>.</summary>
    internal static Dictionary<string, List<RecordedCode>> ParseRecording(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        if (document.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException("the document is not an object");
        var tests = new Dictionary<string, List<RecordedCode>>(StringComparer.Ordinal);
        foreach (var test in document.RootElement.EnumerateObject())
        {
            var codes = new List<RecordedCode>();
            foreach (var entry in test.Value.EnumerateArray())
            {
                if (entry.GetArrayLength() != 3) throw new JsonException($"{test.Name}: an entry is not [file, line, qualname]");
                codes.Add(new RecordedCode(entry[0].GetString()!, entry[1].GetInt32(), entry[2].GetString()!));
            }

            tests[test.Name] = codes;
        }

        return tests;
    }

    private static async Task<byte[]?> ReadSourceAsync(ISandboxSession session, string path, CancellationToken cancellationToken)
    {
        try
        {
            return await session.ReadFileAsync(path, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SandboxException)
        {
            return null; // deleted or unreadable since the run: its functions cannot be named
        }
    }

    private static CoverageResult Failure(string problem, TestRunResult run)
    {
        return new CoverageResult(null, problem, LogLines.Tail(run.Log, TailLines), run);
    }
}
