using System.Diagnostics;
using System.Text.Json;
using SweLego.Tasks.Harness;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

/// <summary>
/// Real captured logs (Fixtures/HarnessLogs, made by make-logs.sh) against the harness's own maps:
/// expected-maps.json was produced by running the harness's Python parsers (4.0.4 and 5.0.2) on
/// these very logs, so every parser × version here must equal the harness, quirks included.
/// </summary>
public sealed class HarnessLogFixtureTests
{
    private static readonly string[] HarnessParsers = ["pytest", "pytest_v2", "pytest_options", "django", "sympy", "matplotlib", "seaborn"];

    public static TheoryData<string> Logs() => [.. Directory.GetFiles(FixtureDirectory(), "*.log").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Logs))]
    public void Parse_EveryHarnessParserAndVersion_EqualsTheHarnesssMap(string log)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(FixtureDirectory(), "expected-maps.json")));
        var section = Section(File.ReadAllText(Path.Combine(FixtureDirectory(), log)));
        foreach (var version in Enum.GetValues<HarnessVersion>())
        {
            var maps = expected.RootElement.GetProperty(version.ToText()).GetProperty(log);
            foreach (var parser in HarnessParsers)
            {
                var want = maps.GetProperty(parser).EnumerateObject()
                    .ToDictionary(p => p.Name, p => TestStatusNames.FromHarnessWord(p.Value.GetString()!));
                var got = TestLogParsers.Get(parser, version).Parse(section);
                Assert.True(want.Count == got.Count && want.All(kv => got.TryGetValue(kv.Key, out var s) && s == kv.Value),
                    $"{log} {parser} {version.ToText()}: expected {Show(want)} got {Show(got)}");
            }
        }
    }

    [Fact]
    public async Task MakeLogs_Regenerated_ParseTheSameAsTheKeptFixtures()
    {
        using var temp = new TempDirectory();
        var info = new ProcessStartInfo("/bin/bash", [Path.Combine(FixtureDirectory(), "make-logs.sh"), temp.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var (_, exit) = await ChildProcess.RunAsync(info);
        Assert.Equal(0, exit);
        var kept = Directory.GetFiles(FixtureDirectory(), "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(kept, Directory.GetFiles(temp.Path, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray());
        foreach (var log in kept)
        {
            var before = Section(File.ReadAllText(Path.Combine(FixtureDirectory(), log!)));
            var after = Section(File.ReadAllText(Path.Combine(temp.Path, log!)));
            foreach (var version in Enum.GetValues<HarnessVersion>())
            {
                foreach (var parser in TestLogParsers.Names)
                {
                    Assert.Equal(TestLogParsers.Get(parser, version).Parse(before), TestLogParsers.Get(parser, version).Parse(after));
                }
            }
        }
    }

    [Fact]
    public void Parse_PytestV2OnVerboseLog_MissesProgressColumnLinesAsTheHarnessDoes()
    {
        var section = Section(Fixture("pytest_verbose.log"));
        // `tests/test_cases.py::test_pass PASSED    [  8%]` ends with "]": neither version reads it.
        Assert.Contains("::test_pass PASSED", section, StringComparison.Ordinal);
        foreach (var version in Enum.GetValues<HarnessVersion>())
        {
            var statuses = new PytestV2LogParser(version).Parse(string.Join('\n', section.Split('\n').Where(l => l.EndsWith('%') || l.EndsWith("%]", StringComparison.Ordinal))));
            Assert.Empty(statuses);
        }
    }

    [Fact]
    public void Parse_PytestV2ClassicStyle_4_0_4CutsAtTheSpaceAndTakesTheNextWordAsStatus()
    {
        // The classic-style line from pytest_classic.log alone (its -rA summary later overwrites the key).
        var line = Fixture("pytest_classic.log").Split('\n').Single(l => l.StartsWith("tests/test_cases.py::test_param[a b] ", StringComparison.Ordinal));
        var v4 = new PytestV2LogParser(HarnessVersion.V4_0_4).Parse(line);
        var v5 = new PytestV2LogParser(HarnessVersion.V5_0_2).Parse(line);
        // `tests/test_cases.py::test_param[a b] PASSED`: 4.0.4 keys the first word with status "b]".
        Assert.Equal(TestStatus.Other, v4["tests/test_cases.py::test_param[a"]);
        Assert.Equal(TestStatus.Passed, v5["tests/test_cases.py::test_param[a b]"]);
    }

    [Fact]
    public void Parse_PytestV2CompoundAnsi_LeavesTheCodeSoTheLineIsNotRead()
    {
        // `ESC[1;31mFAILED` keeps "[1;31m" after the harness's `\[(\d+)m` removal.
        const string log = "\u001b[1;31mFAILED\u001b[0m tests/x.py::test_a - boom\n\u001b[32mPASSED\u001b[0m tests/x.py::test_b\n";
        foreach (var version in Enum.GetValues<HarnessVersion>())
        {
            var statuses = new PytestV2LogParser(version).Parse(log);
            Assert.Equal(new Dictionary<string, TestStatus> { ["tests/x.py::test_b"] = TestStatus.Passed }, statuses);
        }
    }

    [Fact]
    public void Parse_PassedThenErrorForTheSameTest_VersionsDisagree()
    {
        var section = Section(Fixture("pytest_rA.log"));
        // -rA prints `PASSED ...::test_teardown_error` then `ERROR ...::test_teardown_error - RuntimeError: ...`.
        Assert.Equal(TestStatus.Error, new PytestV2LogParser(HarnessVersion.V4_0_4).Parse(section)["tests/test_cases.py::test_teardown_error"]);
        var v5 = new PytestV2LogParser(HarnessVersion.V5_0_2).Parse(section);
        Assert.Equal(TestStatus.Passed, v5["tests/test_cases.py::test_teardown_error"]);
        Assert.Equal(TestStatus.Error, v5["tests/test_cases.py::test_teardown_error - RuntimeError: teardown - boom"]);
    }

    [Fact]
    public void Parse_DjangoLateStatus_OnlyOkIsAttributedToThePendingTest()
    {
        var statuses = new DjangoLogParser().Parse(Section(Fixture("django_runtests.log")));
        Assert.Equal(TestStatus.Passed, statuses["test_late_ok (app.tests.ViewTests)"]);
        // FAIL/ERROR on a later line are lost; only the summary's first-word key remains.
        Assert.False(statuses.ContainsKey("test_late_fail (app.tests.ViewTests)"));
        Assert.Equal(TestStatus.Failed, statuses["test_late_fail"]);
        // A docstring line carries the " ... ok": it becomes the key.
        Assert.Equal(TestStatus.Passed, statuses["The docstring line holds the status."]);
    }

    [Fact]
    public void Parse_DjangoOkThenErrorSummaryForTheSameTest_KeepsBothKeys()
    {
        const string log = "test_x (app.tests.T) ... ok\n======\nERROR: test_x (app.tests.T)\n";
        var statuses = new DjangoLogParser().Parse(log);
        Assert.Equal(new Dictionary<string, TestStatus>
        {
            ["test_x (app.tests.T)"] = TestStatus.Passed,
            ["test_x"] = TestStatus.Error,
        }, statuses);
        Assert.Throws<HarnessLogParserException>(() => new DjangoLogParser().Parse("FAIL:\n"));
    }

    [Fact]
    public void Parse_DjangoLineStartingWithOk_MarksTheLastTestSeenPassed()
    {
        const string log = "test_a (m.T) ... FAIL\nokay, printed later\n";
        Assert.Equal(TestStatus.Passed, new DjangoLogParser().Parse(log)["test_a (m.T)"]);
    }

    [Fact]
    public void Parse_Seaborn_4_0_4RaisesOnABareStatusLine()
    {
        Assert.Throws<HarnessLogParserException>(() => new SeabornLogParser(HarnessVersion.V4_0_4).Parse("PASSED\n"));
        Assert.Empty(new SeabornLogParser(HarnessVersion.V5_0_2).Parse("PASSED\n"));
    }

    internal static string Fixture(string name) => File.ReadAllText(Path.Combine(FixtureDirectory(), name));

    // The harness's slice: after the first start marker, before the first end marker.
    private static string Section(string content)
    {
        var parts = content.Split(TestLog.StartMarker);
        return parts.Length < 2 ? content : parts[1].Split(TestLog.EndMarker)[0];
    }

    private static string Show(IReadOnlyDictionary<string, TestStatus> map) =>
        "{" + string.Join(", ", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}: {kv.Value}")) + "}";

    private static string FixtureDirectory([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Tasks", "Harness", "Fixtures", "HarnessLogs");
        return Directory.Exists(copied) ? copied : Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", "HarnessLogs");
    }
}
