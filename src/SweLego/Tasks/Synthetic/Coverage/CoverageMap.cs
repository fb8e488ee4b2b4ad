using System.Text.Json;
using System.Text.Json.Serialization;
using SweLego.Runs;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic.Coverage;

/// <summary>
/// Which tests execute which functions of the repository (test modules and conftest.py excluded),
/// from one run of the tests with the coverage plugin. Stored compactly: every covered function
/// once in <see cref="Functions"/>, and each test's functions as indexes into it. A test that
/// ran but executed no repository function has an empty list; a test that never ran (not
/// collected) is absent.
/// </summary>
public sealed class CoverageMap : IVersionedRecord
{
    public const int FormatVersion = 1;

    private Dictionary<FunctionKey, int>? _indexes;
    private List<string>[]? _tests;

    public int V { get; init; } = FormatVersion;

    /// <summary>Every function at least one test executed, sorted by file, then qualified name.</summary>
    public required IReadOnlyList<FunctionKey> Functions { get; init; }

    /// <summary>Test id (pytest node id) → indexes into <see cref="Functions"/> of the functions it executed, ascending.</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<int>> Tests { get; init; }

    /// <summary>The tests' statuses in the coverage run (as the test log reports them).</summary>
    public IReadOnlyDictionary<string, TestStatus> Statuses { get; init; } = new Dictionary<string, TestStatus>();

    /// <summary>The functions some test executed (the same list as <see cref="Functions"/>).</summary>
    [JsonIgnore]
    public IReadOnlyList<FunctionKey> CoveredFunctions => Functions;

    /// <summary>Builds a map from each test's functions; ids and functions are sorted, duplicates merged.</summary>
    public static CoverageMap Create(
        IEnumerable<KeyValuePair<string, IEnumerable<FunctionKey>>> tests, IReadOnlyDictionary<string, TestStatus>? statuses = null)
    {
        ArgumentNullException.ThrowIfNull(tests);
        var byTest = new SortedDictionary<string, HashSet<FunctionKey>>(StringComparer.Ordinal);
        foreach (var (test, functions) in tests)
        {
            if (!byTest.TryGetValue(test, out var set)) byTest[test] = set = [];
            set.UnionWith(functions);
        }

        var all = byTest.Values.SelectMany(s => s).Distinct()
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.QualifiedName, StringComparer.Ordinal).ToList();
        var index = all.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);
        var table = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        foreach (var (test, functions) in byTest) table[test] = functions.Select(f => index[f]).Order().ToList();
        return new CoverageMap
        {
            Functions = all,
            Tests = table,
            Statuses = (statuses ?? new Dictionary<string, TestStatus>())
                .OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>True when <paramref name="function"/> is executed by at least one test.</summary>
    public bool Covers(FunctionKey function) => Indexes.ContainsKey(function);

    /// <summary>The functions test <paramref name="testId"/> executed; empty for an unknown test.</summary>
    public IReadOnlySet<FunctionKey> FunctionsExecutedBy(string testId) =>
        Tests.TryGetValue(testId, out var indexes) ? indexes.Select(i => Functions[i]).ToHashSet() : new HashSet<FunctionKey>();

    /// <summary>
    /// Why the map is not complete for the fast mode, or empty: it is complete when every test
    /// passing in the clean baseline (<paramref name="passing"/>, flaky tests left out) was recorded
    /// and passed in the coverage run too (a test that failed under the tracer may have stopped
    /// early, so its functions are not all known). For a function in <see cref="Functions"/> the
    /// map then names every test that executes it, up to what the tracer cannot see (subprocesses,
    /// import-time code; see README.md).
    /// </summary>
    public IReadOnlyList<string> MissingFor(IEnumerable<string> passing)
    {
        ArgumentNullException.ThrowIfNull(passing);
        return [.. passing.Where(t => !Tests.ContainsKey(t) || (Statuses.TryGetValue(t, out var status) && !status.IsPass())).Order(StringComparer.Ordinal)];
    }

    /// <summary>The tests that execute <paramref name="function"/>, sorted; empty when none does.</summary>
    public IReadOnlyList<string> TestsCovering(FunctionKey function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Indexes.TryGetValue(function, out int index) ? Inverse[index] : [];
    }

    /// <summary>Serializes with <see cref="RunJson.Options"/> (snake_case, one line).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, RunJson.Options);

    /// <summary>Writes the map to <paramref name="path"/> atomically (e.g. a file in the run folder).</summary>
    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    /// <summary>Reads a map written by <see cref="ToJson"/>; a newer format or bad indexes are <see cref="RunDataException"/>.</summary>
    public static CoverageMap FromJson(string json, string source = "coverage map")
    {
        CoverageMap? map;
        try
        {
            map = JsonSerializer.Deserialize<CoverageMap>(json, RunJson.Options);
        }
        catch (JsonException e)
        {
            throw new RunDataException($"{source}: not a coverage map: {e.Message}", e);
        }

        if (map is null) throw new RunDataException($"{source}: not a coverage map (null)");
        if (map.V is < 1 or > FormatVersion) throw new RunDataException($"{source}: format version {map.V} is not supported (this build reads 1..{FormatVersion})");
        foreach (var (test, indexes) in map.Tests)
        {
            if (indexes.Any(i => i < 0 || i >= map.Functions.Count))
                throw new RunDataException($"{source}: test {test} refers to a function index outside 0..{map.Functions.Count - 1}");
        }

        return map;
    }

    /// <summary>Reads a map from a file written by <see cref="Write"/>.</summary>
    public static CoverageMap Read(string path) => FromJson(File.ReadAllText(path), path);

    private Dictionary<FunctionKey, int> Indexes =>
        _indexes ??= Functions.Select((f, i) => (f, i)).ToDictionary(p => p.f, p => p.i);

    private List<string>[] Inverse
    {
        get
        {
            if (_tests is not null) return _tests;
            var inverse = new List<string>[Functions.Count];
            for (int i = 0; i < inverse.Length; i++) inverse[i] = [];
            foreach (var (test, indexes) in Tests.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                foreach (int i in indexes) inverse[i].Add(test);
            }

            return _tests = inverse;
        }
    }
}
