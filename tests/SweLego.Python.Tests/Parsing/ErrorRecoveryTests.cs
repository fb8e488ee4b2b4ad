using System.Text;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Parsing;

public sealed class ErrorRecoveryTests
{
    [Fact]
    public void Parse_ErrorInOneFunction_StillListsTheFunctionsAround()
    {
        var module = Py.Invalid("def before():\n    return 1\n\ndef broken(:\n    x = = 2\n\ndef after():\n    return 3\n");
        Assert.Equal(["before", "broken", "after"], module.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Parse_UnclosedBracket_ReportsItAndRecoversAtTheNextDef()
    {
        var module = Py.Invalid("def a():\n    return f(1,\n\ndef b():\n    return 2\n\nclass C:\n    def m(self): pass\n");
        Assert.Equal("'(' was never closed", module.Diagnostics[0].Message);
        Assert.Equal(2, module.Diagnostics[0].Line);
        Assert.Equal(["a", "b", "C.m"], module.Functions.Select(f => f.QualifiedName));
    }

    [Fact]
    public void Parse_GarbageLine_IsSkippedToTheEndOfTheLine()
    {
        var module = Py.Invalid("x = 1\n$$$ ??? !!!\ny = 2\ndef f(): pass\n");
        Assert.Equal(2, module.Diagnostics[0].Line);
        Assert.Single(module.Functions);
    }

    [Fact]
    public void Parse_UnexpectedIndent_KeepsTheDefinitionsInside()
    {
        var module = Py.Invalid("x = 1\n    def inner():\n        pass\ny = 2\n");
        Assert.Equal("unexpected indent", module.Diagnostics[0].Message);
        Assert.Equal("inner", Assert.Single(module.Functions).Name);
    }

    [Fact]
    public void Parse_Diagnostics_HaveCPythonStylePositions()
    {
        var module = Py.Invalid("x = 1\ny = (2 +\n");
        var diagnostic = module.Diagnostics[0];
        Assert.Equal(2, diagnostic.Line);
        Assert.Equal(4, diagnostic.Column);
        Assert.Equal(10, diagnostic.Offset);
    }

    [Fact]
    public void Parse_ColumnsCountUtf8Bytes()
    {
        var module = Py.Invalid("é = (1,\n");
        Assert.Equal(5, module.Diagnostics[0].Column);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("# only a comment")]
    [InlineData("\n\n   \n\t\n")]
    [InlineData("\\")]
    [InlineData("(")]
    [InlineData(")")]
    [InlineData("'''")]
    [InlineData("f'{")]
    [InlineData("f'{x:{")]
    [InlineData("@")]
    [InlineData("def")]
    [InlineData("class")]
    [InlineData("if")]
    [InlineData("match x:")]
    [InlineData("lambda")]
    [InlineData("    ")]
    [InlineData("\t\tx")]
    [InlineData("\r")]
    [InlineData("\r\n\r\n")]
    [InlineData("\u00ff\u00fe")]
    public void Parse_DegenerateInput_NeverThrowsAndRoundTrips(string source)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        var module = PythonSource.Parse(bytes);
        Assert.Equal(bytes, module.ToBytes());
        _ = module.Definitions;
    }

    [Fact]
    public void Parse_InvalidUtf8_RoundTripsAndOnlyCountsInTokens()
    {
        byte[] inComment = [.. "# caf"u8, 0xE9, (byte)'\n', .. "x = 1\n"u8];
        var module = PythonSource.Parse(inComment);
        Assert.Empty(module.Diagnostics);
        Assert.Equal(inComment, module.ToBytes());

        byte[] inString = [.. "x = '"u8, 0xFF, .. "'\n"u8];
        var invalid = PythonSource.Parse(inString);
        Assert.StartsWith("(unicode error) 'utf-8' codec can't decode byte 0xff", invalid.Diagnostics[0].Message, StringComparison.Ordinal);
        Assert.Equal(inString, invalid.ToBytes());
    }
}
