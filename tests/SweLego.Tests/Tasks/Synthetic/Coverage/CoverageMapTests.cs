using SweLego.Python;
using SweLego.Runs;
using SweLego.Tasks.Synthetic.Coverage;
using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Synthetic.Coverage;

public sealed class CoverageMapTests
{
    private static readonly FunctionKey Mean = new("tally/stats.py", "mean");
    private static readonly FunctionKey Median = new("tally/stats.py", "median");
    private static readonly FunctionKey Slugify = new("tally/textutil.py", "slugify");

    [Fact]
    public void Create_UnsortedDuplicates_SortedIndexesAndInverse()
    {
        var map = CoverageMap.Create(
            [
                new("t.py::b", [Slugify, Median, Median]),
                new("t.py::a", [Median, Mean]),
                new("t.py::c", []),
            ]);

        Assert.Equal([Mean, Median, Slugify], map.CoveredFunctions);
        Assert.Equal(["t.py::a", "t.py::b", "t.py::c"], map.Tests.Keys);
        Assert.Equal([1, 2], map.Tests["t.py::b"]);
        Assert.Equal(["t.py::a", "t.py::b"], map.TestsCovering(Median));
        Assert.Empty(map.TestsCovering(new FunctionKey("tally/stats.py", "mode")));
        Assert.Empty(map.FunctionsExecutedBy("t.py::unknown"));
    }

    [Fact]
    public void FromJson_RoundTrip_SameMapSnakeCaseVersioned()
    {
        var map = CoverageMap.Create([new("t.py::a", [Median, Mean])], new Dictionary<string, TestStatus> { ["t.py::a"] = TestStatus.Failed });

        string json = map.ToJson();
        var read = CoverageMap.FromJson(json);

        Assert.StartsWith("{\"v\":1,", json, StringComparison.Ordinal);
        Assert.Contains("\"qualified_name\":\"median\"", json, StringComparison.Ordinal);
        Assert.Equal(map.CoveredFunctions, read.CoveredFunctions);
        Assert.Equal(["t.py::a"], read.TestsCovering(Median));
        Assert.Equal(TestStatus.Failed, read.Statuses["t.py::a"]);
    }

    [Fact]
    public void FromJson_IndexOutOfRange_RunDataException()
    {
        const string Json = """{"v":1,"functions":[{"file":"a.py","qualified_name":"f"}],"tests":{"t.py::a":[0,1]}}""";

        var error = Assert.Throws<RunDataException>(() => CoverageMap.FromJson(Json));

        Assert.Contains("t.py::a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromJson_NewerVersion_RunDataException()
    {
        Assert.Throws<RunDataException>(() => CoverageMap.FromJson("""{"v":99,"functions":[],"tests":{}}"""));
    }

    [Fact]
    public void Find_DecoratedFunction_MatchesDecoratorAndDefLines()
    {
        var index = new ModuleFunctionIndex(PythonSource.Parse("""
            import functools

            @functools.lru_cache()
            @staticmethod
            def cached(x=lambda: 1):
                return x

            """.ReplaceLineEndings("\n")));

        Assert.Equal("cached", index.Find(3, "cached")?.QualifiedName); // 3.8–3.13: first decorator line
        Assert.Equal("cached", index.Find(5, "cached")?.QualifiedName); // the def line
        Assert.Null(index.Find(5, "<lambda>")); // a lambda on the def line is not the function
        Assert.Null(index.Find(1, "<module>"));
    }

    [Fact]
    public void Find_Python38Name_MatchesByLastSegment()
    {
        var index = new ModuleFunctionIndex(PythonSource.Parse("class A:\n    def f(self):\n        def g():\n            pass\n"));

        Assert.Equal("A.f.<locals>.g", index.Find(3, "g")?.QualifiedName);
        Assert.Equal("A.f", index.Find(2, "A.f")?.QualifiedName);
        Assert.Null(index.Find(1, "A")); // a class body
    }
}
