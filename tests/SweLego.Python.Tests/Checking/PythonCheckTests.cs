using System.Text;
using SweLego.Python.Checking;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Checking;

public sealed class PythonCheckTests
{
    private static TempDirectory Repository()
    {
        var temp = new TempDirectory();
        temp.Write("pkg/__init__.py", Encoding.UTF8.GetBytes(""));
        temp.Write("pkg/good.py", Encoding.UTF8.GetBytes("class A:\n    @staticmethod\n    def f():\n        return 1\n\ndef g(): pass\n"));
        temp.Write("pkg/bad.py", Encoding.UTF8.GetBytes("def ok():\n    pass\n\ndef broken(:\n    pass\n"));
        temp.Write("pkg/latin.py", [.. "# coding: latin-1\ns = '"u8, 0xE9, .. "'\n"u8]);
        temp.Write("notes.txt", Encoding.UTF8.GetBytes("not python"));
        temp.Write(".git/hooks/hook.py", Encoding.UTF8.GetBytes("x = ("));
        temp.Write("pkg/__pycache__/cached.py", Encoding.UTF8.GetBytes("x = ("));
        return temp;
    }

    [Fact]
    public void Run_Directory_SummarizesFilesErrorsAndDefinitions()
    {
        using var temp = Repository();
        var report = PythonCheck.Run(temp.Path, new PythonCheckOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(new[] { "pkg/__init__.py", "pkg/bad.py", "pkg/good.py", "pkg/latin.py" }, report.Files.Select(f => f.Path));
        var summary = report.Summary;
        Assert.Equal(4, summary.Files);
        Assert.Equal(3, summary.Parsed);
        Assert.Equal(1, summary.SyntaxErrors);
        Assert.Equal(0, summary.RoundTripMismatches);
        Assert.Equal(0, summary.ReadErrors);
        Assert.Equal(4, summary.Functions);
        Assert.Equal(1, summary.Classes);
        Assert.Equal("pkg/bad.py", Assert.Single(report.Problems).Path);
        Assert.Equal("iso-8859-1", report.Files[3].Encoding);
        Assert.All(report.Files, f => Assert.Null(f.Definitions));
    }

    [Fact]
    public void Run_WithDefinitions_ListsSpansAsCPythonAstNumbersThem()
    {
        using var temp = Repository();
        var report = PythonCheck.Run(Path.Combine(temp.Path, "pkg/good.py"), new PythonCheckOptions { IncludeDefinitions = true });
        var definitions = Assert.Single(report.Files).Definitions!;
        Assert.Equal(
            [
                new PythonDefinitionReport("ClassDef", "A", 1, 0, 4, 16),
                new PythonDefinitionReport("FunctionDef", "A.f", 3, 4, 4, 16),
                new PythonDefinitionReport("FunctionDef", "g", 6, 0, 6, 13),
            ],
            definitions);
    }

    [Fact]
    public void ToJson_RoundTripsThroughSystemTextJson()
    {
        using var temp = Repository();
        var report = PythonCheck.Run(temp.Path, new PythonCheckOptions { IncludeDefinitions = true });
        string json = report.ToJson();
        Assert.Contains("\"qualifiedName\": \"A.f\"", json, StringComparison.Ordinal);
        Assert.Contains("\"version\": 1", json, StringComparison.Ordinal);
        var back = PythonCheckReport.FromJson(json)!;
        Assert.Equal(report.Summary, back.Summary);
        Assert.Equal(report.Files.Select(f => f.Path), back.Files.Select(f => f.Path));
        Assert.Equal(report.Files[1].Diagnostics, back.Files[1].Diagnostics);
        Assert.Equal(report.Files[2].Definitions, back.Files[2].Definitions);
    }

    [Fact]
    public void Run_InvalidOptions_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PythonCheck.Run(".", new PythonCheckOptions { MaxDegreeOfParallelism = 0 }));
    }
}
