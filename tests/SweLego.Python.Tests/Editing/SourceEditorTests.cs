using System.Text;
using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Editing;

public sealed class SourceEditorTests
{
    private const string Source = "def f(a, b):\n    if a < b:\n        return a + b\n    return a - b\n";

    [Fact]
    public void Replace_ComparisonOperator_ProducesNewTextAndDiff()
    {
        var module = PythonSource.Parse(Source, "pkg/mod.py");
        var comparison = module.Functions[0].FindAll<ComparisonExpressionSyntax>().Single();
        var result = module.Edit().Replace(comparison.OperatorTokens[0], ">=").Apply();
        Assert.Equal(Source.Replace("a < b", "a >= b", StringComparison.Ordinal), result.NewText);
        Assert.Equal(
            "--- a/pkg/mod.py\n+++ b/pkg/mod.py\n@@ -1,4 +1,4 @@\n def f(a, b):\n-    if a < b:\n+    if a >= b:\n         return a + b\n     return a - b\n",
            result.Diff);
        Assert.True(result.HasChanges);
        Assert.Null(result.EncodingError);
    }

    [Fact]
    public void Apply_SeveralEdits_UseOriginalSpansRegardlessOfOrder()
    {
        var module = PythonSource.Parse(Source);
        var returns = module.Functions[0].FindAll<ReturnStatementSyntax>().ToList();
        var result = module.Edit()
            .Replace(returns[1].Value!, "b - a")
            .Replace(returns[0].Value!, "a * b")
            .InsertBefore(module.Root.Statements[0], "import os\n")
            .Apply();
        Assert.Equal("import os\ndef f(a, b):\n    if a < b:\n        return a * b\n    return b - a\n", result.NewText);
        Assert.Empty(PythonSource.Parse(result.NewBytes).Diagnostics);
    }

    [Fact]
    public void Replace_OverlappingSpans_Throws()
    {
        var module = PythonSource.Parse(Source);
        var ifStatement = module.Functions[0].FindAll<IfStatementSyntax>().Single();
        var editor = module.Edit().Replace(ifStatement, "pass");
        Assert.Throws<ArgumentException>(() => editor.Replace(ifStatement.Test, "True"));
        Assert.Throws<ArgumentException>(() => editor.Insert(ifStatement.Test.Span.Start, "not "));
    }

    [Fact]
    public void DeleteLines_WholeStatement_RemovesIndentationCommentAndNewline()
    {
        var module = PythonSource.Parse("def f():\n    x = 1  # setup\n    return x\n");
        var assignment = module.Functions[0].FindAll<SimpleStatementLineSyntax>().First();
        var result = module.Edit().DeleteLines(assignment.Statements[0]).Apply();
        Assert.Equal("def f():\n    return x\n", result.NewText);
    }

    [Fact]
    public void DeleteLines_StatementSharingItsLine_DeletesOnlyTheStatement()
    {
        var module = PythonSource.Parse("x = 1; y = 2\n");
        var line = (SimpleStatementLineSyntax)module.Root.Statements[0];
        Assert.Equal("x = 1; \n", module.Edit().DeleteLines(line.Statements[1]).Apply().NewText);
    }

    [Fact]
    public void Apply_CrLfFile_KeepsCrLfAndDiffCarriesCarriageReturns()
    {
        var module = PythonSource.Parse("a = 1\r\nb = 2\r\n", "crlf.py");
        var second = ((SimpleStatementLineSyntax)module.Root.Statements[1]).Statements[0];
        var result = module.Edit().Replace(((AssignmentStatementSyntax)second).Value, "3").Apply();
        Assert.Equal("a = 1\r\nb = 3\r\n", result.NewText);
        Assert.Contains("-b = 2\r\n+b = 3\r\n", result.Diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Latin1File_EncodesNewBytesInLatin1()
    {
        byte[] bytes = [.. "# coding: latin-1\nx = '"u8, 0xE9, .. "'\n"u8];
        var module = PythonSource.Parse(bytes, "l.py");
        var literal = module.Root.DescendantNodes().OfType<StringLiteralSyntax>().Single();
        var result = module.Edit().Replace(literal, "'\u00e8'").Apply();
        Assert.Equal([.. "# coding: latin-1\nx = '"u8, 0xE8, .. "'\n"u8], result.NewBytes);
        Assert.Contains((byte)0xE8, result.DiffBytes);

        var impossible = module.Edit().Replace(literal, "'\u20ac'").Apply();
        Assert.NotNull(impossible.EncodingError);
    }

    [Fact]
    public void Apply_DiffOfEveryKindOfEdit_IsAcceptedByGitApply()
    {
        using var temp = new TempDirectory();
        if (temp.Run("git", "--version").ExitCode != 0)
        {
            return;
        }

        const string original = "import os\n\n\ndef f(a, b):\n    '''Doc.'''\n    if a < b:\n        return a + b\n    return a - b\n\n\nclass C:\n    def m(self):\n        return 1\n";
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var cases = new (string Name, byte[] Bytes)[]
        {
            ("plain.py", Encoding.UTF8.GetBytes(original)),
            ("noeol.py", Encoding.UTF8.GetBytes(original.TrimEnd('\n'))),
            ("crlf.py", Encoding.UTF8.GetBytes(original.Replace("\n", "\r\n", StringComparison.Ordinal))),
            ("bom.py", [.. bom, .. Encoding.UTF8.GetBytes(original)]),
        };
        temp.Run("git", "init", "-q");
        foreach (var (name, bytes) in cases)
        {
            string path = temp.Write(name, bytes);
            var module = PythonSource.Parse(bytes, name);
            var function = module.Functions[0];
            var method = module.Functions[1];
            var result = module.Edit()
                .InsertBefore(module.Root.Statements[0], "import sys\n")
                .Replace(function.FindAll<ComparisonExpressionSyntax>().Single().OperatorTokens[0], ">")
                .DeleteLines(function.FindAll<ReturnStatementSyntax>().Last())
                .Replace(method.FindAll<ReturnStatementSyntax>().Single().Value!, "2")
                .Apply();
            string patch = temp.Write(name + ".patch", result.DiffBytes);
            var check = temp.Run("git", "apply", "--whitespace=nowarn", patch);
            Assert.True(check.ExitCode == 0, $"git apply failed for {name}: {check.Output}\n{result.Diff}");
            Assert.Equal(result.NewBytes, File.ReadAllBytes(path));
        }
    }
}
