using SweLego.Environments.Toml;

namespace SweLego.Tests.Environments.Toml;

public sealed class TomlReaderValueTests
{
    private static TomlValue Value(string toml) => TomlReader.Parse("v = " + toml).Root["v"];

    [Theory]
    [InlineData("\"plain\"", "plain")]
    [InlineData("\"\"", "")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"\\b\\t\\n\\f\\r\\\"\\\\\"", "\b\t\n\f\r\"\\")]
    [InlineData("\"\\u00E9t\\u00e9\"", "été")]
    [InlineData("\"\\U0001F600\"", "\U0001F600")]
    [InlineData("\"snow \u2603 raw\"", "snow \u2603 raw")]
    [InlineData("'C:\\Users\\nodejs\\templates'", "C:\\Users\\nodejs\\templates")]
    [InlineData("'<\\i\\c*\\s*>'", "<\\i\\c*\\s*>")]
    [InlineData("'tab\tinside'", "tab\tinside")]
    [InlineData("\"\"\"\nRoses are red\nViolets are blue\"\"\"", "Roses are red\nViolets are blue")]
    [InlineData("\"\"\"\r\nline one\r\nline two\"\"\"", "line one\nline two")]
    [InlineData("\"\"\"The quick brown \\\n\n\n  fox jumps over \\\n    the lazy dog.\"\"\"", "The quick brown fox jumps over the lazy dog.")]
    [InlineData("\"\"\"\\\n       The quick \\  \n       brown.\\\n       \"\"\"", "The quick brown.")]
    [InlineData("\"\"\"Here are two quotation marks: \"\". Simple enough.\"\"\"", "Here are two quotation marks: \"\". Simple enough.")]
    [InlineData("\"\"\"\"This,\" she said, \"is just a pointless statement.\"\"\"\"", "\"This,\" she said, \"is just a pointless statement.\"")]
    [InlineData("\"\"\"ends in two quotes\"\"\"\"\"", "ends in two quotes\"\"")]
    [InlineData("'''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''", "The first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n")]
    [InlineData("'''I [dw]on't need \\d{2} apples'''", "I [dw]on't need \\d{2} apples")]
    [InlineData("''''That,' she said, 'is still pointless.''''", "'That,' she said, 'is still pointless.'")]
    public void Parse_String_ResolvesContent(string toml, string expected)
    {
        Assert.Equal(new TomlString(expected), Value(toml));
    }

    [Theory]
    [InlineData("+99", 99L)]
    [InlineData("42", 42L)]
    [InlineData("0", 0L)]
    [InlineData("-17", -17L)]
    [InlineData("+0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("1_000", 1000L)]
    [InlineData("5_349_221", 5349221L)]
    [InlineData("1_2_3_4_5", 12345L)]
    [InlineData("0xDEADBEEF", 0xDEADBEEFL)]
    [InlineData("0xdead_beef", 0xDEADBEEFL)]
    [InlineData("0o01234567", 342391L)]
    [InlineData("0o755", 493L)]
    [InlineData("0b11010110", 214L)]
    [InlineData("0x7FFFFFFFFFFFFFFF", long.MaxValue)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parse_Integer_ReadsValue(string toml, long expected)
    {
        Assert.Equal(new TomlInteger(expected), Value(toml));
    }

    [Theory]
    [InlineData("+1.0", 1.0)]
    [InlineData("3.1415", 3.1415)]
    [InlineData("-0.01", -0.01)]
    [InlineData("5e+22", 5e+22)]
    [InlineData("1e06", 1e06)]
    [InlineData("-2E-2", -2E-2)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("224_617.445_991_228", 224617.445991228)]
    [InlineData("0e0", 0.0)]
    [InlineData("1e1_0", 1e10)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("nan", double.NaN)]
    [InlineData("+nan", double.NaN)]
    [InlineData("-nan", double.NaN)]
    public void Parse_Float_ReadsValue(string toml, double expected)
    {
        Assert.Equal(new TomlFloat(expected), Value(toml));
    }

    [Fact]
    public void Parse_NegativeZeroFloat_KeepsSign()
    {
        var value = Assert.IsType<TomlFloat>(Value("-0.0"));

        Assert.True(double.IsNegative(value.Value));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Parse_Boolean_ReadsValue(string toml, bool expected)
    {
        Assert.Equal(new TomlBoolean(expected), Value(toml));
    }

    [Fact]
    public void Parse_OffsetDateTimes_ReadsInstantAndOffset()
    {
        Assert.Equal(new TomlOffsetDateTime(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.Zero)), Value("1979-05-27T07:32:00Z"));
        Assert.Equal(new TomlOffsetDateTime(new DateTimeOffset(1979, 5, 27, 0, 32, 0, TimeSpan.FromHours(-7))), Value("1979-05-27T00:32:00-07:00"));
        Assert.Equal(
            new TomlOffsetDateTime(new DateTimeOffset(1979, 5, 27, 0, 32, 0, TimeSpan.FromHours(-7)).AddTicks(9_999_990)),
            Value("1979-05-27T00:32:00.999999-07:00"));
        Assert.Equal(new TomlOffsetDateTime(new DateTimeOffset(1979, 5, 27, 7, 32, 0, TimeSpan.Zero)), Value("1979-05-27 07:32:00z"));
        Assert.Equal(new TomlOffsetDateTime(new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.FromMinutes(330))), Value("2024-02-29t23:59:59+05:30"));
    }

    [Fact]
    public void Parse_LocalDateTimes_ReadsValueWithoutOffset()
    {
        Assert.Equal(new TomlLocalDateTime(new DateTime(1979, 5, 27, 7, 32, 0)), Value("1979-05-27T07:32:00"));
        Assert.Equal(new TomlLocalDateTime(new DateTime(1979, 5, 27, 0, 32, 0).AddTicks(9_999_990)), Value("1979-05-27T00:32:00.999999"));
        Assert.Equal(new TomlLocalDateTime(new DateTime(1979, 5, 27, 7, 32, 0)), Value("1979-05-27 07:32:00"));
    }

    [Fact]
    public void Parse_LocalDateAndTime_ReadsValues()
    {
        Assert.Equal(new TomlLocalDate(new DateOnly(1979, 5, 27)), Value("1979-05-27"));
        Assert.Equal(new TomlLocalTime(new TimeOnly(7, 32, 0)), Value("07:32:00"));
        Assert.Equal(new TomlLocalTime(new TimeOnly(0, 32, 0).Add(TimeSpan.FromTicks(9_999_990))), Value("00:32:00.999999"));
        Assert.Equal(new TomlLocalTime(new TimeOnly(0, 0, 0).Add(TimeSpan.FromTicks(1_234_567))), Value("00:00:00.123456789"));
    }

    [Fact]
    public void Parse_DateTimeRangeEdges_ReadsValues()
    {
        var root = TomlReader.Parse("""
            first-offset = 0001-01-01 00:00:00Z
            last-offset = 9999-12-31 23:59:59Z
            last-local  = 9999-12-31 23:59:59
            last-date   = 9999-12-31
            leap-day    = 2000-02-29
            """).Root;

        Assert.Equal(new TomlOffsetDateTime(DateTimeOffset.MinValue), root["first-offset"]);
        Assert.Equal(new TomlOffsetDateTime(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero)), root["last-offset"]);
        Assert.Equal(new TomlLocalDateTime(new DateTime(9999, 12, 31, 23, 59, 59)), root["last-local"]);
        Assert.Equal(new TomlLocalDate(new DateOnly(9999, 12, 31)), root["last-date"]);
        Assert.Equal(new TomlLocalDate(new DateOnly(2000, 2, 29)), root["leap-day"]);
    }

    [Fact]
    public void Parse_QuotesInsideMultiLineStrings_AreNotMistakenForTheEnd()
    {
        var root = TomlReader.Parse(""""
            one = """ "one quote" """
            two = """ ""two quotes"" """
            lit_one = ''' 'one quote' '''
            lit_two = ''' ''two quotes'' '''
            mismatch1 = """aaa'''bbb"""
            mismatch2 = '''aaa"""bbb'''
            foo.bar = """
            hello"""
            """").Root;

        Assert.Equal(" \"one quote\" ", root.GetString("one"));
        Assert.Equal(" \"\"two quotes\"\" ", root.GetString("two"));
        Assert.Equal(" 'one quote' ", root.GetString("lit_one"));
        Assert.Equal(" ''two quotes'' ", root.GetString("lit_two"));
        Assert.Equal("aaa'''bbb", root.GetString("mismatch1"));
        Assert.Equal("aaa\"\"\"bbb", root.GetString("mismatch2"));
        Assert.Equal("hello", root.GetString("foo", "bar"));
    }

    [Fact]
    public void Parse_DateFollowedByComment_IsLocalDate()
    {
        var root = TomlReader.Parse("d = 1979-05-27 # birthday\n").Root;

        Assert.Equal(new TomlLocalDate(new DateOnly(1979, 5, 27)), root["d"]);
    }

    [Fact]
    public void Parse_Arrays_ReadsNestedMixedMultiLineWithCommentsAndTrailingComma()
    {
        var root = TomlReader.Parse("""
            integers = [ 1, 2, 3 ]
            nested = [ [ 1, 2 ], ["a", 'b'] ]
            mixed = [ 0.1, "x", { k = 1 }, [] ]
            empty = []
            multi = [  # comment after the bracket
              1,
              # a whole-line comment
              2, # trailing comment
            ]
            """).Root;

        Assert.Equal(new TomlArray([new TomlInteger(1), new TomlInteger(2), new TomlInteger(3)]), root["integers"]);
        Assert.Equal("[[1, 2], [\"a\", \"b\"]]", root["nested"].ToString());
        Assert.Equal("[0.1, \"x\", { k = 1 }, []]", root["mixed"].ToString());
        Assert.Equal(TomlArray.Empty, root["empty"]);
        Assert.Equal(new TomlArray([new TomlInteger(1), new TomlInteger(2)]), root["multi"]);
    }

    [Fact]
    public void Parse_InlineTables_ReadsNestedAndDottedKeys()
    {
        var root = TomlReader.Parse("""
            name = { first = "Tom", last = "Preston-Werner" }
            point = {x=1,y=2}
            animal = { type.name = "pug", type.kind = "dog" }
            empty = {}
            nested = { a = { b = [ { c = true } ] } }
            """).Root;

        Assert.Equal("Preston-Werner", root.GetString("name", "last"));
        Assert.Equal(2, root.GetInteger("point", "y"));
        Assert.Equal("dog", root.GetString("animal", "type", "kind"));
        Assert.Equal(TomlTable.Empty, root["empty"]);
        Assert.Equal(true, root.GetTableArray("nested", "a", "b")![0].GetBoolean("c"));
    }

    [Fact]
    public void ToString_Values_RenderTomlSyntax()
    {
        Assert.Equal("\"a\\\"b\\n\"", new TomlString("a\"b\n").ToString());
        Assert.Equal("1.0", new TomlFloat(1).ToString());
        Assert.Equal("-inf", new TomlFloat(double.NegativeInfinity).ToString());
        Assert.Equal("nan", new TomlFloat(double.NaN).ToString());
        Assert.Equal("1979-05-27T07:32:00+00:00", Value("1979-05-27T07:32:00Z").ToString());
        Assert.Equal("1979-05-27T07:32:00.5", Value("1979-05-27T07:32:00.5").ToString());
        Assert.Equal("07:32:00", Value("07:32:00").ToString());
        Assert.Equal("{ a = 1, \"b c\" = [true] }", TomlReader.Parse("a = 1\n\"b c\" = [true]").Root.ToString());
    }
}
