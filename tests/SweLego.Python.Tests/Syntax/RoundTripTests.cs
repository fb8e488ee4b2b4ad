using System.Text;
using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Syntax;

public sealed class RoundTripTests
{
    [Theory]
    [InlineData("x = 1\r\ny = 2\r\n")]
    [InlineData("if x:\r\n    pass\r\nelse:\n    y = 1\r")]
    [InlineData("x = 1\ry = 2\r")]
    [InlineData("s = '''a\r\nb\rc\nd'''\r\n")]
    [InlineData("x = [\r\n  1,\r\n  2,\r\n]\r\n")]
    [InlineData("x = 1 \\\r\n  + 2\r\n")]
    [InlineData("def f():\r\n\tpass  \r\n\r\n\r\n# trailing\r\n")]
    [InlineData("x = 1   ")]
    [InlineData("x = 1\n\n\n")]
    [InlineData("\f\nx = 1\n")]
    public void ToSource_MixedAndUnusualNewlines_ReproducesTheText(string source)
    {
        Py.Valid(source);
    }

    [Fact]
    public void ToSource_CrLfFile_LinesAndColumnsMatchCPython()
    {
        var module = Py.Valid("a = 1\r\n\r\ndef f():\r\n    return 2\r\n");
        var function = Assert.Single(module.Functions);
        Assert.Equal(new SweLego.Python.Text.SourceRange(3, 0, 4, 12), function.Range);
    }

    [Fact]
    public void ToSource_LoneCarriageReturn_CountsAsALineBreak()
    {
        var module = Py.Valid("a = 1\rdef f():\r    return 2\r");
        Assert.Equal(2, Assert.Single(module.Functions).Range.StartLine);
    }

    [Fact]
    public void ToBytes_Utf8Bom_IsKeptOutsideTheText()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "x = 'é'\n"u8];
        var module = PythonSource.Parse(bytes);
        Assert.Empty(module.Diagnostics);
        Assert.True(module.Text.HasByteOrderMark);
        Assert.Equal("x = 'é'\n", module.ToSource());
        Assert.Equal(bytes, module.ToBytes());
        Assert.Equal(0, module.Root.Statements[0].StartLocation.Column);
    }

    [Fact]
    public void ToBytes_Latin1CookieFile_ReproducesTheOriginalBytes()
    {
        byte[] bytes = [.. "# -*- coding: latin-1 -*-\ns = '"u8, 0xE9, 0xE8, .. "'\ndef f(x='"u8, 0xFC, .. "'): pass\n"u8];
        var module = PythonSource.Parse(bytes);
        Assert.Empty(module.Diagnostics);
        Assert.Equal("iso-8859-1", module.Text.EncodingName);
        Assert.Contains("s = 'éè'", module.ToSource(), StringComparison.Ordinal);
        Assert.Equal(bytes, module.ToBytes());

        // Columns count UTF-8 bytes of the decoded text, like CPython.
        var function = Assert.Single(module.Functions);
        Assert.Equal(new SweLego.Python.Text.SourceRange(3, 0, 3, 19), function.Range);
    }

    [Fact]
    public void WriteTo_ChildNode_WritesItsFullText()
    {
        var module = Py.Valid("x = 1\n\n# about f\ndef f(a,\n      b):  # header\n    return a + b\n");
        var function = Py.Single<FunctionDefinitionSyntax>(module);
        var writer = new System.Buffers.ArrayBufferWriter<byte>();
        function.WriteTo(writer);
        Assert.Equal("\n# about f\ndef f(a,\n      b):  # header\n    return a + b\n", Encoding.UTF8.GetString(writer.WrittenSpan));
        Assert.Equal(function.FullText, Encoding.UTF8.GetString(writer.WrittenSpan));
    }
}
