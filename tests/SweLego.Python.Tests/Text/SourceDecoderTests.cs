using System.Text;
using SweLego.Python.Text;

namespace SweLego.Python.Tests.Text;

public sealed class SourceDecoderTests
{
    [Theory]
    [InlineData("# -*- coding: latin-1 -*-\n", "iso-8859-1")]
    [InlineData("#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n", "iso-8859-15")]
    [InlineData("# coding=utf_8\n", "utf-8")]
    [InlineData("# coding: UTF-8-sig\n", "utf-8")]
    [InlineData("# coding: cp1252\n", "cp1252")]
    [InlineData("\n# coding: koi8-r\n", "koi8-r")]
    public void Decode_CodingCookieOnFirstTwoLines_SetsTheEncoding(string header, string expected)
    {
        var module = PythonSource.Parse(Encoding.ASCII.GetBytes(header + "x = 1\n"));
        Assert.Empty(module.Diagnostics);
        Assert.Equal(expected, module.Text.EncodingName);
    }

    [Theory]
    [InlineData("x = 1\n# coding: latin-1\n")]
    [InlineData("\n\n# coding: latin-1\n")]
    [InlineData("x = 1  # coding: latin-1\n")]
    public void Decode_CookieNotAloneOnLineOneOrTwo_IsIgnored(string source)
    {
        Assert.Equal("utf-8", PythonSource.Parse(Encoding.ASCII.GetBytes(source)).Text.EncodingName);
    }

    [Theory]
    [InlineData("# coding: uft-8\n", "unknown encoding: uft-8")]
    [InlineData("# coding: koi\n", "unknown encoding: koi")]
    public void Decode_UnknownEncoding_IsADiagnostic(string header, string message)
    {
        var module = PythonSource.Parse(Encoding.ASCII.GetBytes(header + "x = 1\n"));
        Assert.Equal(message, module.Diagnostics[0].Message);
        Assert.Equal(1, module.Diagnostics[0].Line);
    }

    [Fact]
    public void Decode_BomWithOtherCookie_IsAnEncodingProblem()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "# coding: latin-1\nx = 1\n"u8];
        Assert.Equal("encoding problem: latin-1 with BOM", PythonSource.Parse(bytes).Diagnostics[0].Message);
    }

    [Fact]
    public void Decode_CodecSpelledUtf8_ChecksTheWholeFileLikeCPython()
    {
        byte[] bytes = [.. "# coding: utf8\n# "u8, 0xFF, (byte)'\n'];
        Assert.NotEmpty(PythonSource.Parse(bytes).Diagnostics);
        byte[] normal = [.. "# coding: utf-8\n# "u8, 0xFF, (byte)'\n'];
        Assert.Empty(PythonSource.Parse(normal).Diagnostics);
    }

    [Fact]
    public void Decode_AsciiCookieWithHighByte_IsADiagnosticAndStillRoundTrips()
    {
        byte[] bytes = [.. "# coding: ascii\nx = '"u8, 0xE9, .. "'\n"u8];
        var module = PythonSource.Parse(bytes);
        Assert.NotEmpty(module.Diagnostics);
        Assert.Equal(bytes, module.ToBytes());
    }

    [Fact]
    public void Decode_Cp1252File_TranscodesAndRoundTrips()
    {
        byte[] bytes = [.. "# coding: cp1252\ns = '"u8, 0x80, 0x93, .. "'\n"u8];
        var module = PythonSource.Parse(bytes);
        Assert.Empty(module.Diagnostics);
        Assert.Contains("\u20ac\u201c", module.ToSource(), StringComparison.Ordinal);
        Assert.Equal(bytes, module.ToBytes());
    }

    [Fact]
    public void Parse_String_IgnoresTheCookieLikeCPythonDoesForStr()
    {
        var module = PythonSource.Parse("# coding: latin-1\nx = 'é'\n");
        Assert.Empty(module.Diagnostics);
        Assert.Equal("utf-8", module.Text.EncodingName);
    }

    [Fact]
    public void SourceText_MapsOffsetsToLinesAndBack()
    {
        var text = PythonSource.Parse("ab\r\ncd\ref\ngh").Text;
        Assert.Equal(4, text.LineCount);
        Assert.Equal(new SourceLocation(2, 1), text.GetLocation(5));
        Assert.Equal(new SourceLocation(3, 0), text.GetLocation(7));
        Assert.Equal(5, text.GetOffset(new SourceLocation(2, 1)));
        Assert.Equal(new TextSpan(4, 6), text.GetLineSpan(2));
    }
}
