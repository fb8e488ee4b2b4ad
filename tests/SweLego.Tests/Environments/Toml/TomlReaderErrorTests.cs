using SweLego.Environments.Toml;

namespace SweLego.Tests.Environments.Toml;

/// <summary>
/// Broken TOML ends in a <see cref="TomlException"/> at the right line and column. Positions and
/// reasons are Tomlyn's (pinned in Directory.Packages.props): a header error points at its '[',
/// a bad scalar at its first character, an unclosed string where the line or the input ends.
/// </summary>
public sealed class TomlReaderErrorTests
{
    [Theory]
    // Redefinitions.
    [InlineData("a = 1\na = 2", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("[a]\nb = 1\n\n[a]", 4, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("[a.b]\n[a]\n[a]", 3, 1, "The key `a` is already defined at (2,1)")]
    [InlineData("[a]\nb = 1\n[a.b]", 3, 1, "The key `a.b` is already defined at (2,1)")]
    [InlineData("a = 1\n[a]\n", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("a = {}\n[a]", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("a = {}\n[a.b]", 2, 2, "The key `a` is already defined at (1,1)")]
    [InlineData("a = { b = 1 }\na.c = 2", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("a = [1]\n[[a]]", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("a = [{b=1}]\n[[a]]", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("[[a]]\n[a]", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("[a]\n[[a]]", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("a.b = 1\n[a]", 2, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("[fruit]\napple.color = 'red'\n[fruit.apple]", 3, 1, "The key `fruit.apple` is already defined at (2,1)")]
    [InlineData("[a.b]\nc = 1\n[a]\nb.d = 2", 4, 1, "The key `a.b` is already defined at (1,1)")]
    [InlineData("[[a]]\n[a.b]\nc.d = 1\n[a]\nb = 2", 4, 1, "The key `a` is already defined at (1,1)")]
    [InlineData("[a.b.c]\n  z = 9\n[a]\n  b.c.t = 1", 4, 3, "The key `a.b.c` is already defined at (1,1)")]
    [InlineData("[a.b.c.d]\n[a]\nb.c.d.k.t = 1", 3, 1, "The key `a.b.c.d` is already defined at (1,1)")]
    [InlineData("a = [{ b = 1 }]\n[a.c]", 2, 2, "The key `a` is already defined at (1,1)")]
    [InlineData("t = { f = { a.c = 1 }, f.a.x = { s = true } }", 1, 24, "The key `t.f` is already defined at (1,7)")]
    [InlineData("a = { b = 1, b = 2 }", 1, 14, "The key `a.b` is already defined at (1,7)")]
    [InlineData("a = { b.c = 1, b = 2 }", 1, 16, "The key `a.b` is already defined at (1,7)")]
    // Structure.
    [InlineData("a = 1 b = 2", 1, 7, "Expected end-of-line after value but was `b`.")]
    [InlineData("a 1", 1, 3, "Expected `=` after key but was `1`.")]
    [InlineData("= 1", 1, 1, "Unexpected token `=` while parsing TOML document.")]
    [InlineData("a = ", 1, 5, "Missing value after `=`.")]
    [InlineData("a = 1\r\nb = \r\n", 2, 5, "Missing value after `=`.")]
    [InlineData("[a", 1, 3, "Expected `]` but was `Eof`.")]
    [InlineData("[[a]", 1, 4, "Expected `]]` but was `]`.")]
    [InlineData("[a.]", 1, 4, "Unexpected token `]` while parsing a key.")]
    [InlineData("[]", 1, 2, "Unexpected token `]` while parsing a key.")]
    [InlineData("[a] b = 1", 1, 5, "Expected end-of-line after table header but was `b`.")]
    [InlineData("\"\"\"key\"\"\" = 1", 1, 3, "Expected `=` after key but was `\"key\"`.")]
    [InlineData("a = [1 2]", 1, 8, "Expected `,` or `]` while parsing array but was `2`.")]
    [InlineData("a = [1,\n2", 2, 2, "Unexpected end-of-file while parsing array.")]
    [InlineData("a = [,]", 1, 6, "Missing value in array.")]
    [InlineData("a = { b = 1 c = 2 }", 1, 13, "Expected `,` or `}` while parsing inline table but was `c`.")]
    [InlineData("a = 1\rb = 2", 1, 6, "Invalid \\r not followed by \\n")]
    [InlineData("a = 1 # bell \u0007", 1, 14, "Invalid control character U+0007 in comment")]
    // The broken pyproject.toml of RealTaskBadInputTests.
    [InlineData("[project]\nname = \"calc\"\nversion = = \"1\"\n", 3, 11, "Unexpected token `=` while parsing a value.")]
    // Strings.
    [InlineData("a = \"unterminated\nb = 1", 1, 18, "Invalid newline in a string")]
    [InlineData("a = 'x", 1, 6, "Invalid End-Of-File found on string literal")]
    [InlineData("a = \"\"\"abc\n", 1, 11, "Invalid End-Of-File found for multi-line string")]
    [InlineData("a = '''abc", 1, 10, "Invalid End-Of-File found for multi-line literal string")]
    [InlineData("a = \"\"\"x\"\"\"\"\"\"", 1, 14, "Invalid End-Of-File found on string literal")]
    [InlineData("a = \"\"\"x\\ y\"\"\"", 1, 10, "Invalid escape `\\`. It must skip at least one line.")]
    [InlineData("a = \"\\uD800\"", 1, 7, "Invalid Unicode scalar value [D800]")]
    [InlineData("a = \"\\U00110000\"", 1, 7, "Invalid Unicode scalar value [110000]")]
    [InlineData("a = \"\\u12\"", 1, 10, "Unexpected escape character [\"] in string. Only b t n f r e \\ \" xHH u0000-uFFFF U00000000-UFFFFFFFF are allowed")]
    [InlineData("a = \"x\u0001\"", 1, 5, "Invalid control character found \\u1;")]
    [InlineData("a = 'x\u007F'", 1, 5, "Invalid control character found ")]
    // Numbers.
    [InlineData("a = 01", 1, 5, "Unexpected leading zero (`0`) for integer `01`")]
    [InlineData("a = 1__0", 1, 7, "An underscore `_` must follow a digit and not another `_`")]
    [InlineData("a = _1", 1, 5, "Unexpected token `_` while parsing a value.")]
    [InlineData("a = 1_", 1, 7, "Missing a digit after a trailing underscore `_`")]
    [InlineData("a = 1.", 1, 7, "Expecting at least one digit after the float dot .")]
    [InlineData("a = 1._5", 1, 7, "Expecting at least one digit after the float dot .")]
    [InlineData("a = .5", 1, 5, "Unexpected token `.` while parsing a value.")]
    [InlineData("a = 1e", 1, 7, "Expecting at least one digit after the exponent")]
    [InlineData("a = 1.5.3", 1, 8, "Expected end-of-line after value but was `.`.")]
    [InlineData("a = 9223372036854775808", 1, 5, "Unable to parse integer `9223372036854775808`")]
    [InlineData("a = +0x1", 1, 7, "Expected end-of-line after value but was `x1`.")]
    [InlineData("a = 0xG", 1, 5, "Invalid hexadecimal integer. Expecting at least one [0-9a-zA-Z] after 0x")]
    [InlineData("a = 0b102", 1, 9, "Expected end-of-line after value but was `2`.")]
    [InlineData("a = hello", 1, 5, "Unexpected token `hello` while parsing a value.")]
    [InlineData("a = tru", 1, 5, "Unexpected token `tru` while parsing a value.")]
    [InlineData("a = TRUE", 1, 5, "Unexpected token `TRUE` while parsing a value.")]
    // Dates and times.
    [InlineData("a = 1979-02-30", 1, 5, "Unable to parse the date time/offset `1979-02-30`")]
    [InlineData("a = 0000-01-01", 1, 5, "Unable to parse the date time/offset `0000-01-01`")]
    [InlineData("a = 2001-13-01", 1, 5, "Unable to parse the date time/offset `2001-13-01`")]
    [InlineData("a = 1979-5-27", 1, 5, "Invalid format of date time/offset `1979-5-27` not following RFC3339")]
    [InlineData("a = 1979-05-27T25:00:00", 1, 5, "Unable to parse the date time/offset `1979-05-27T25:00:00`")]
    [InlineData("a = 1979-05-27X07:32:00", 1, 15, "Expected end-of-line after value but was `X07`.")]
    [InlineData("a = 07:32:60", 1, 5, "Unable to parse the date time/offset `07:32:60`")]
    [InlineData("a = 07:32:00.", 1, 5, "Invalid format of date time/offset `07:32:00.` not following RFC3339")]
    [InlineData("a = 1979-05-27T07:32:00+25:00", 1, 5, "Unable to parse the date time/offset `1979-05-27T07:32:00+25:00`")]
    [InlineData("a = 1979-05-27T07:32:00+14:30", 1, 5, "Unable to parse the date time/offset `1979-05-27T07:32:00+14:30`")]
    [InlineData("a = 0001-01-01T00:00:00+01:00", 1, 5, "Invalid format of date time/offset `0001-01-01T00:00:00+01:00` not following RFC3339")]
    // Unclosed at the end of the file: the position is where the text ends.
    [InlineData("a = [1,\n", 2, 1, "Unexpected end-of-file while parsing array.")]
    [InlineData("x = 1\na = [\n", 3, 1, "Unexpected end-of-file while parsing array.")]
    [InlineData("x = 1\na = {\n", 3, 1, "Unexpected end-of-file while parsing inline table.")]
    [InlineData("[project]\nname = \"x\"\ndependencies = [\"a\",\n", 4, 1, "Unexpected end-of-file while parsing array.")]
    public void Parse_InvalidInput_ThrowsTomlExceptionAtPosition(string toml, int line, int column, string message)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml, "pyproject.toml"));

        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal("pyproject.toml", error.FilePath);
        Assert.Equal($"pyproject.toml:{line}:{column}: {error.Reason}", error.Message);
    }

    [Theory]
    // Tomlyn 2.10.2 crashes with ArgumentOutOfRangeException on these unless TomlReader retries with a final line break.
    [InlineData("a = \"\\", 1, 7, "Invalid End-Of-File found on string literal")]
    [InlineData("a = \"\\u", 1, 8, "Unexpected escape character [␤] in string. Only b t n f r e \\ \" xHH u0000-uFFFF U00000000-UFFFFFFFF are allowed")]
    [InlineData("a = \"\\U0001F6", 1, 14, "Unexpected escape character [␤] in string. Only b t n f r e \\ \" xHH u0000-uFFFF U00000000-UFFFFFFFF are allowed")]
    [InlineData("a = \"\"\"\\", 1, 9, "Invalid End-Of-File found for multi-line string")]
    public void Parse_TextEndingInsideEscape_ThrowsTomlExceptionAtEnd(string toml, int line, int column, string message)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml, "pyproject.toml"));

        Assert.Contains(message, error.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_ErrorDeepInRealDocument_PointsAtOffendingLine()
    {
        var broken = TomlSamples.Pyproject.Replace("[tool.coverage.report]", "[tool.coverage.report]\nfail_under = 90", StringComparison.Ordinal);

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(broken, "pyproject.toml"));

        var lines = broken.Split('\n');
        var expectedLine = Array.FindLastIndex(lines, l => l.StartsWith("fail_under", StringComparison.Ordinal)) + 1;
        Assert.Equal((expectedLine, 1), (error.Line, error.Column));
        Assert.Contains($"The key `tool.coverage.report.fail_under` is already defined at ({expectedLine - 1},1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NonAsciiBeforeError_ColumnsCountCharactersNotUtf16Units()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("a = \"\U0001F600\" b"));

        Assert.Equal((1, 9), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_DeeplyNestedArrays_ThrowsInsteadOfOverflowingTheStack()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("a = " + new string('[', 100_000)));

        Assert.Contains("maximum depth of 64", error.Reason, StringComparison.Ordinal);
        Assert.Equal((1, 4 + 64), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_DeeplyNestedInlineTables_ThrowsInsteadOfOverflowingTheStack()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("a = " + string.Concat(Enumerable.Repeat("{b=", 50_000))));

        Assert.Contains("maximum depth of 64", error.Reason, StringComparison.Ordinal);
        Assert.Equal((1, 5 + (63 * 3)), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_KeyWithTooManyDottedParts_ThrowsAtThePartTooDeep()
    {
        // Tomlyn raises this one without a position (the tables a dotted key implies have no span); TomlReader finds it.
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("x = 1\n" + string.Join('.', Enumerable.Repeat("k", 50_000)) + " = 1"));

        Assert.Contains("maximum depth of 64", error.Reason, StringComparison.Ordinal);
        Assert.Equal((2, 1 + (63 * 2)), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_HeaderAndKeyTogetherTooDeep_ThrowsAtTheKey()
    {
        var toml = "[" + string.Join('.', Enumerable.Repeat("t", 40)) + "]\n" + string.Join('.', Enumerable.Repeat("k", 30)) + " = 1";

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml, "deep.toml"));

        Assert.StartsWith("deep.toml:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains("maximum depth of 64", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutPath_NamesInputGenerically()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("a = "));

        Assert.Null(error.FilePath);
        Assert.StartsWith("<toml>:1:5: ", error.Message, StringComparison.Ordinal);
    }
}
