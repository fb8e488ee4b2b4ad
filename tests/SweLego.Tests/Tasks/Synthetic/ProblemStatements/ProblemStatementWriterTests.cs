using System.Diagnostics;
using SweLego.Models;
using SweLego.Tasks.Synthetic.ProblemStatements;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic.ProblemStatements;

public sealed class ProblemStatementWriterTests
{
    // The bug: mean divides by len - 1. The fix ("len(xs)") and the faulty line must never show.
    private const string Calc = """
        def add(a, b):
            return a - b


        def mean(xs):
            return sum(xs) / (len(xs) - 1)
        """;

    private const string Tests = """
        import pytest
        from calc import add, mean


        def test_add():
            assert add(2, 3) == 5


        def test_ok():
            assert True


        def test_mean_single():
            assert mean([4]) == 4


        class TestMore:
            def test_neg(self):
                print("E   captured-marker")
                assert add(-1, -1) == -2


        @pytest.mark.parametrize("x", [0, 2])
        def test_param(x):
            assert add(x, x) == 2 * x


        @pytest.fixture
        def broken():
            raise RuntimeError("fixture broke")


        def test_err(broken):
            pass
        """;

    private static readonly string[] FailToPass =
    [
        "test_calc.py::test_add",
        "test_calc.py::test_mean_single",
        "test_calc.py::TestMore::test_neg",
        "test_calc.py::test_param[2]",
        "test_calc.py::test_err",
    ];

    private static readonly Lazy<Task<string>> Log = new(RunPytestAsync);

    private static async Task<string> RunPytestAsync()
    {
        using var folder = new TempDirectory();
        await File.WriteAllTextAsync(folder.Combine("calc.py"), Calc);
        await File.WriteAllTextAsync(folder.Combine("test_calc.py"), Tests);
        var start = new ProcessStartInfo("/usr/bin/python3", ["-m", "pytest", "-rA", "-p", "no:cacheprovider", "test_calc.py"])
        {
            WorkingDirectory = folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        string log = await stdout + await stderr;
        Assert.True(process.ExitCode == 1, $"pytest exit {process.ExitCode}:\n{log}");
        return log;
    }

    private static ModelClient Client(ModelStub stub) => new(new ModelClientOptions
    {
        Endpoint = stub.Endpoint,
        Model = "stub-model",
        MaxRetries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
    });

    [Fact]
    public async Task FromTemplate_RealPytestLog_ListsTestsAndErrorLinesWithoutFix()
    {
        string log = await Log.Value;

        var statement = ProblemStatementWriter.FromTemplate(FailToPass, log);

        Assert.False(statement.FromModel);
        Assert.False(statement.FellBack);
        string text = statement.Text;
        foreach (var id in FailToPass)
        {
            Assert.Contains($"- `{id}`", text, StringComparison.Ordinal);
            Assert.Contains($"## `{id}`", text, StringComparison.Ordinal);
        }

        Assert.Contains("FAILED test_calc.py::test_add - assert -1 == 5", text, StringComparison.Ordinal);
        Assert.Contains("E       assert -1 == 5", text, StringComparison.Ordinal);
        Assert.Contains("E        +  where -1 = add(2, 3)", text, StringComparison.Ordinal);
        Assert.Contains("E       ZeroDivisionError: division by zero", text, StringComparison.Ordinal);
        Assert.Contains("E       assert 0 == (2 * 2)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(2 * 0)", text, StringComparison.Ordinal);
        Assert.Contains("ERROR test_calc.py::test_err - RuntimeError: fixture broke", text, StringComparison.Ordinal);
        Assert.Contains("E       RuntimeError: fixture broke", text, StringComparison.Ordinal);
        Assert.Contains("E       assert 0 == -2", text, StringComparison.Ordinal);
        // Neither source lines (the faulty line is in the traceback) nor captured output nor passing tests.
        Assert.DoesNotContain("len(xs) - 1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("return", text, StringComparison.Ordinal);
        Assert.DoesNotContain("captured-marker", text, StringComparison.Ordinal);
        Assert.DoesNotContain("test_ok", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_TestAbsentFromLog_EmptyReportAndTemplateSaysSo()
    {
        var reports = PytestFailureLog.Extract("no pytest output at all\n", ["tests/test_x.py::test_gone"]);

        Assert.True(Assert.Single(reports).IsEmpty);
        Assert.Contains("no failure output", ProblemStatementWriter.FromTemplate(["tests/test_x.py::test_gone"], "").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_NoModel_ReturnsTemplate()
    {
        string log = await Log.Value;

        var statement = await new ProblemStatementWriter().WriteAsync(FailToPass, log);

        Assert.Equal(ProblemStatementWriter.FromTemplate(FailToPass, log), statement);
    }

    [Fact]
    public async Task WriteAsync_ModelReplies_UsesModelTextAndPromptCarriesFailures()
    {
        string log = await Log.Value;
        using var stub = new ModelStub().Enqueue(StubReply.Text("add() subtracts\n\nCalling add(2, 3) gives -1 instead of 5.\n"));

        var statement = await new ProblemStatementWriter(Client(stub)).WriteAsync(FailToPass, log);

        Assert.True(statement.FromModel);
        Assert.False(statement.FellBack);
        Assert.Null(statement.ModelError);
        Assert.Equal("add() subtracts\n\nCalling add(2, 3) gives -1 instead of 5.\n", statement.Text);
        string prompt = Assert.Single(stub.Requests).MessagesText();
        Assert.Contains("Do not reveal or suggest the fix", prompt, StringComparison.Ordinal);
        Assert.Contains("Failing tests (5):", prompt, StringComparison.Ordinal);
        Assert.Contains("- test_calc.py::TestMore::test_neg", prompt, StringComparison.Ordinal);
        Assert.Contains("E       assert -1 == 5", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("len(xs) - 1", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ModelFails_FallsBackToTemplateAndSaysWhy()
    {
        string log = await Log.Value;
        using var stub = new ModelStub { Fallback = StubReply.Status(500) };

        var statement = await new ProblemStatementWriter(Client(stub)).WriteAsync(FailToPass, log);

        Assert.False(statement.FromModel);
        Assert.True(statement.FellBack);
        Assert.Contains("HTTP 500", statement.ModelError, StringComparison.Ordinal);
        Assert.Equal(ProblemStatementWriter.FromTemplate(FailToPass, log).Text, statement.Text);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task WriteAsync_ModelReplyWithPatch_FallsBack()
    {
        string log = await Log.Value;
        using var stub = new ModelStub().Enqueue(StubReply.Text("Bug in add\n\ndiff --git a/calc.py b/calc.py\n@@ -1 +1 @@\n-    return a - b\n+    return a + b\n"));

        var statement = await new ProblemStatementWriter(Client(stub)).WriteAsync(FailToPass, log);

        Assert.True(statement.FellBack);
        Assert.Equal("the model's reply contains a patch", statement.ModelError);
        Assert.DoesNotContain("a + b", statement.Text, StringComparison.Ordinal);
    }
}
