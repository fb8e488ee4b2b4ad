using SweLego.Environments.Toml;

namespace SweLego.Tests.Environments.Toml;

public sealed class TomlReaderErrorTests
{
    [Theory]
    // Redefinitions.
    [InlineData("a = 1\na = 2", 2, 1, "duplicate key a: it is already an integer (first defined at line 1)")]
    [InlineData("[a]\nb = 1\n\n[a]", 4, 2, "table [a] is defined twice")]
    [InlineData("[a.b]\n[a]\n[a]", 3, 2, "table [a] is defined twice")]
    [InlineData("[a]\nb = 1\n[a.b]", 3, 4, "cannot define table [a.b]: the key is already an integer")]
    [InlineData("a = 1\n[a]\n", 2, 2, "the key is already an integer (first defined at line 1)")]
    [InlineData("a = {}\n[a]", 2, 2, "cannot define table [a]: the key is already an inline table")]
    [InlineData("a = {}\n[a.b]", 2, 2, "cannot use a as a table: it is already an inline table")]
    [InlineData("a = { b = 1 }\na.c = 2", 2, 1, "cannot add to inline table a")]
    [InlineData("a = [1]\n[[a]]", 2, 3, "cannot define array of tables [[a]]: the key is already an array")]
    [InlineData("a = [{b=1}]\n[[a]]", 2, 3, "the key is already an array")]
    [InlineData("[[a]]\n[a]", 2, 2, "cannot define table [a]: the key is already an array of tables")]
    [InlineData("[a]\n[[a]]", 2, 3, "cannot define array of tables [[a]]: the key is already a table")]
    [InlineData("a.b = 1\n[a]", 2, 2, "table [a] is already defined by dotted keys")]
    [InlineData("[fruit]\napple.color = 'red'\n[fruit.apple]", 3, 8, "table [fruit.apple] is already defined by dotted keys")]
    [InlineData("[a.b]\nc = 1\n[a]\nb.d = 2", 4, 1, "cannot add to table b with dotted keys: it is defined by its own [header]")]
    [InlineData("[[a]]\n[a.b]\nc.d = 1\n[a]\nb = 2", 4, 2, "the key is already an array of tables")]
    [InlineData("[a.b.c]\n  z = 9\n[a]\n  b.c.t = 1", 4, 5, "cannot add to table b.c with dotted keys")]
    [InlineData("[a.b.c.d]\n[a]\nb.c.d.k.t = 1", 3, 5, "cannot add to table b.c.d with dotted keys")]
    [InlineData("a = [{ b = 1 }]\n[a.c]", 2, 2, "cannot use a as a table: it is already an array")]
    [InlineData("t = { f = { a.c = 1 }, f.a.x = { s = true } }", 1, 24, "cannot add to inline table f")]
    [InlineData("a = { b = 1, b = 2 }", 1, 14, "duplicate key b")]
    [InlineData("a = { b.c = 1, b = 2 }", 1, 16, "duplicate key b: it is already a table")]
    // Structure.
    [InlineData("a = 1 b = 2", 1, 7, "expected the end of the line, found 'b'")]
    [InlineData("a 1", 1, 3, "expected '=' after key a, found '1'")]
    [InlineData("= 1", 1, 1, "expected a key, found '='")]
    [InlineData("a = ", 1, 5, "expected a value, found the end of the input")]
    [InlineData("a = 1\r\nb = \r\n", 2, 5, "expected a value, found the end of the line")]
    [InlineData("[a", 1, 3, "expected ']' to close the table header, found the end of the input")]
    [InlineData("[[a]", 1, 5, "expected ']]' to close the array-of-tables header")]
    [InlineData("[a.]", 1, 4, "expected a key, found ']'")]
    [InlineData("[]", 1, 2, "expected a key, found ']'")]
    [InlineData("[a] b = 1", 1, 5, "expected the end of the line, found 'b'")]
    [InlineData("\"\"\"key\"\"\" = 1", 1, 1, "a multi-line string cannot be used as a key")]
    [InlineData("a = [1 2]", 1, 8, "expected ',' or ']' in the array, found '2'")]
    [InlineData("a = [1,\n2", 1, 5, "array is not closed with ']'")]
    [InlineData("a = [,]", 1, 6, "expected a value, found ','")]
    [InlineData("a = { b = 1, }", 1, 14, "a trailing comma is not allowed in an inline table")]
    [InlineData("a = { b = 1\n}", 1, 12, "inline table must be closed with '}' on the same line")]
    [InlineData("a = { b = 1 c = 2 }", 1, 13, "expected ',' or '}' in the inline table, found 'c'")]
    [InlineData("a = 1\rb = 2", 1, 6, "found control character U+000D")]
    [InlineData("a = 1 # bell \u0007", 1, 14, "control character U+0007 is not allowed in a comment")]
    // Strings.
    [InlineData("a = \"unterminated\nb = 1", 1, 5, "string is not closed with '\"' on the same line")]
    [InlineData("a = 'x", 1, 5, "literal string is not closed")]
    [InlineData("a = \"\"\"abc\n", 1, 5, "multi-line string is not closed with \"\"\"")]
    [InlineData("a = '''abc", 1, 5, "multi-line string is not closed with '''")]
    [InlineData("a = \"\"\"x\"\"\"\"\"\"", 1, 14, "too many \" characters at the end of a multi-line string")]
    [InlineData("a = \"\\x41\"", 1, 6, "invalid escape sequence '\\x'")]
    [InlineData("a = \"\"\"x\\ y\"\"\"", 1, 9, "invalid escape sequence '\\ '")]
    [InlineData("a = \"\\", 1, 6, "incomplete escape sequence")]
    [InlineData("a = \"\\uD800\"", 1, 6, "'\\uD800' is not a Unicode scalar value")]
    [InlineData("a = \"\\U00110000\"", 1, 6, "is not a Unicode scalar value")]
    [InlineData("a = \"\\u12\"", 1, 6, "needs 4 hexadecimal digits")]
    [InlineData("a = \"x\u0001\"", 1, 7, "control character U+0001 must be escaped in a string")]
    [InlineData("a = 'x\u007F'", 1, 7, "control character U+007F is not allowed in a literal string")]
    // Numbers.
    [InlineData("a = 01", 1, 5, "leading zeros are not allowed")]
    [InlineData("a = 1__0", 1, 6, "an underscore must sit between two digits")]
    [InlineData("a = _1", 1, 5, "an underscore must sit between two digits")]
    [InlineData("a = 1_", 1, 6, "an underscore must sit between two digits")]
    [InlineData("a = 1.", 1, 5, "a decimal point must be followed by digits")]
    [InlineData("a = 1._5", 1, 7, "an underscore must sit between two digits")]
    [InlineData("a = .5", 1, 5, "invalid number '.5'")]
    [InlineData("a = 1e", 1, 5, "an exponent must have digits")]
    [InlineData("a = 1.5.3", 1, 5, "invalid number '1.5.3'")]
    [InlineData("a = 9223372036854775808", 1, 5, "does not fit in 64 bits")]
    [InlineData("a = 0x8000000000000000", 1, 5, "does not fit in 64 bits")]
    [InlineData("a = +0x1", 1, 5, "a sign is not allowed on hexadecimal, octal or binary integers")]
    [InlineData("a = 0xG", 1, 5, "invalid base-16 integer '0xG'")]
    [InlineData("a = 0b102", 1, 5, "invalid base-2 integer")]
    [InlineData("a = hello", 1, 5, "invalid value 'hello' (strings must be quoted)")]
    [InlineData("a = tru", 1, 5, "invalid value 'tru'")]
    [InlineData("a = TRUE", 1, 5, "invalid value 'TRUE'")]
    // Dates and times.
    [InlineData("a = 1979-02-30", 1, 5, "invalid date '1979-02-30': no such day")]
    [InlineData("a = 0000-01-01", 1, 5, "year 0000 is not supported")]
    [InlineData("a = 2001-13-01", 1, 5, "no such day")]
    [InlineData("a = 1979-5-27", 1, 5, "invalid date '1979-5-27': expected YYYY-MM-DD")]
    [InlineData("a = 1979-05-27T25:00:00", 1, 16, "hour, minute or second out of range")]
    [InlineData("a = 1979-05-27T07:32", 1, 16, "expected HH:MM:SS")]
    [InlineData("a = 1979-05-27X07:32:00", 1, 15, "expected 'T' or a space between date and time")]
    [InlineData("a = 07:32:60", 1, 5, "leap seconds are not supported")]
    [InlineData("a = 07:32:00.", 1, 14, "a decimal point must be followed by digits")]
    [InlineData("a = 1979-05-27T07:32:00+25:00", 1, 24, "expected 'Z' or an offset like +01:00")]
    [InlineData("a = 1979-05-27T07:32:00+14:30", 1, 24, "offsets beyond ±14:00 are not supported")]
    [InlineData("a = 0001-01-01T00:00:00+01:00", 1, 5, "is outside the supported range")]
    public void Parse_InvalidInput_ThrowsTomlExceptionAtPosition(string toml, int line, int column, string message)
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml, "pyproject.toml"));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal("pyproject.toml", error.FilePath);
        Assert.StartsWith($"pyproject.toml:{line}:{column}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorDeepInRealDocument_PointsAtOffendingLine()
    {
        var broken = TomlSamples.Pyproject.Replace("[tool.coverage.report]", "[tool.coverage.report]\nfail_under = 90", StringComparison.Ordinal);

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(broken, "pyproject.toml"));

        var expectedLine = broken.Split('\n').Select((text, index) => (text, index)).Where(l => l.text.StartsWith("fail_under", StringComparison.Ordinal)).Last().index + 1;
        Assert.Equal(expectedLine, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains($"duplicate key fail_under: it is already an integer (first defined at line {expectedLine - 1})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedArrays_ThrowsInsteadOfOverflowingTheStack()
    {
        var toml = "a = " + new string('[', 100_000);

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml));

        Assert.Contains("nested more than 128 levels deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(133, error.Column);
    }

    [Fact]
    public void Parse_DeeplyNestedInlineTables_ThrowsInsteadOfOverflowingTheStack()
    {
        var toml = "a = " + string.Concat(Enumerable.Repeat("{b=", 50_000));

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml));

        Assert.Contains("nested more than 128 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyWithTooManyDottedParts_Throws()
    {
        var toml = "[" + string.Join('.', Enumerable.Repeat("k", 50_000)) + "]";

        var error = Assert.Throws<TomlException>(() => TomlReader.Parse(toml));

        Assert.Contains("more than 128 dotted parts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutPath_NamesInputGenerically()
    {
        var error = Assert.Throws<TomlException>(() => TomlReader.Parse("a = "));

        Assert.Null(error.FilePath);
        Assert.StartsWith("<toml>:1:5: ", error.Message, StringComparison.Ordinal);
    }
}
