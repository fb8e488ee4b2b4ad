using SweLego.Environments.Toml;
using Tomlyn;
using Tomlyn.Model;

namespace SweLego.Tests.Environments.Toml;

public sealed class TomlReaderValueTests
{
    private static object? Value(string toml) => TomlReader.Parse("v = " + toml).Get("v");

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
    [InlineData("\"\"\"\r\nline one\r\nline two\"\"\"", "line one\r\nline two")]
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
        Assert.Equal(expected, Value(toml));
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
        Assert.Equal(expected, Value(toml));
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
        Assert.Equal(expected, Value(toml));
    }

    [Fact]
    public void Parse_NegativeZeroFloat_KeepsSign()
    {
        Assert.True(double.IsNegative(Assert.IsType<double>(Value("-0.0"))));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void Parse_Boolean_ReadsValue(string toml, bool expected)
    {
        Assert.Equal(expected, Value(toml));
    }

    [Theory]
    [InlineData("1979-05-27T07:32:00Z", TomlDateTimeKind.OffsetDateTimeByZ, "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("1979-05-27T00:32:00-07:00", TomlDateTimeKind.OffsetDateTimeByNumber, "1979-05-27T00:32:00.0000000-07:00")]
    [InlineData("1979-05-27T00:32:00.999999-07:00", TomlDateTimeKind.OffsetDateTimeByNumber, "1979-05-27T00:32:00.9999990-07:00")]
    [InlineData("1979-05-27 07:32:00z", TomlDateTimeKind.OffsetDateTimeByZ, "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("2024-02-29t23:59:59+05:30", TomlDateTimeKind.OffsetDateTimeByNumber, "2024-02-29T23:59:59.0000000+05:30")]
    [InlineData("1979-05-27T07:32:00", TomlDateTimeKind.LocalDateTime, "1979-05-27T07:32:00.0000000")]
    [InlineData("1979-05-27 07:32:00.999999", TomlDateTimeKind.LocalDateTime, "1979-05-27T07:32:00.9999990")]
    [InlineData("1979-05-27", TomlDateTimeKind.LocalDate, "1979-05-27T00:00:00.0000000")]
    [InlineData("9999-12-31", TomlDateTimeKind.LocalDate, "9999-12-31T00:00:00.0000000")]
    [InlineData("2000-02-29", TomlDateTimeKind.LocalDate, "2000-02-29T00:00:00.0000000")]
    [InlineData("07:32:00", TomlDateTimeKind.LocalTime, "07:32:00.0000000")]
    [InlineData("00:32:00.999999", TomlDateTimeKind.LocalTime, "00:32:00.9999990")]
    public void Parse_DateTimes_ReadsKindAndValue(string toml, TomlDateTimeKind kind, string expected)
    {
        var value = Assert.IsType<TomlDateTime>(Value(toml));

        Assert.Equal(kind, value.Kind);
        var format = kind switch
        {
            TomlDateTimeKind.LocalTime => "HH:mm:ss.fffffff",
            TomlDateTimeKind.LocalDate or TomlDateTimeKind.LocalDateTime => "yyyy-MM-ddTHH:mm:ss.fffffff",
            _ => "O",
        };
        Assert.Equal(expected, value.DateTime.ToString(format, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_DateFollowedByComment_IsLocalDate()
    {
        var value = Assert.IsType<TomlDateTime>(Value("1979-05-27 # birthday\n"));

        Assert.Equal(TomlDateTimeKind.LocalDate, value.Kind);
    }

    [Fact]
    public void Parse_QuotesInsideMultiLineStrings_AreNotMistakenForTheEnd()
    {
        var toml = TomlReader.Parse(""""
            one = """ "one quote" """
            two = """ ""two quotes"" """
            lit_one = ''' 'one quote' '''
            lit_two = ''' ''two quotes'' '''
            mismatch1 = """aaa'''bbb"""
            mismatch2 = '''aaa"""bbb'''
            foo.bar = """
            hello"""
            """");

        Assert.Equal(" \"one quote\" ", toml.GetString("one"));
        Assert.Equal(" \"\"two quotes\"\" ", toml.GetString("two"));
        Assert.Equal(" 'one quote' ", toml.GetString("lit_one"));
        Assert.Equal(" ''two quotes'' ", toml.GetString("lit_two"));
        Assert.Equal("aaa'''bbb", toml.GetString("mismatch1"));
        Assert.Equal("aaa\"\"\"bbb", toml.GetString("mismatch2"));
        Assert.Equal("hello", toml.GetString("foo", "bar"));
    }

    [Fact]
    public void Parse_Arrays_ReadsNestedMixedMultiLineWithCommentsAndTrailingComma()
    {
        var toml = TomlReader.Parse("""
            integers = [ 1, 2, 3 ]
            nested = [ [ 1, 2 ], ["a", 'b'] ]
            mixed = [ 0.1, "x", { k = 1 }, [] ]
            empty = []
            multi = [  # comment after the bracket
              1,
              # a whole-line comment
              2, # trailing comment
            ]
            """);

        Assert.Equal([1L, 2L, 3L], Assert.IsType<TomlArray>(toml.Get("integers")));
        var nested = Assert.IsType<TomlArray>(toml.Get("nested"));
        Assert.Equal([1L, 2L], Assert.IsType<TomlArray>(nested[0]));
        Assert.Equal(["a", "b"], Assert.IsType<TomlArray>(nested[1]));
        var mixed = Assert.IsType<TomlArray>(toml.Get("mixed"));
        Assert.Equal(0.1, mixed[0]);
        Assert.Equal("x", mixed[1]);
        Assert.Equal(1L, Assert.IsType<TomlTable>(mixed[2])["k"]);
        Assert.Empty(Assert.IsType<TomlArray>(mixed[3]));
        Assert.Empty(Assert.IsType<TomlArray>(toml.Get("empty")));
        Assert.Equal([1L, 2L], Assert.IsType<TomlArray>(toml.Get("multi")));
        Assert.Null(toml.GetStringArray("mixed"));
    }

    [Fact]
    public void Parse_InlineTables_ReadsNestedAndDottedKeys()
    {
        var toml = TomlReader.Parse("""
            name = { first = "Tom", last = "Preston-Werner" }
            point = {x=1,y=2}
            animal = { type.name = "pug", type.kind = "dog" }
            empty = {}
            nested = { a = { b = [ { c = true } ] } }
            """);

        Assert.Equal("Preston-Werner", toml.GetString("name", "last"));
        Assert.Equal(2L, toml.Get("point", "y"));
        Assert.Equal("dog", toml.GetString("animal", "type", "kind"));
        Assert.Empty(toml.GetTable("empty")!);
        Assert.Equal(true, Assert.Single(toml.GetTableArray("nested", "a", "b")!)["c"]);
    }

    /// <summary>What Tomlyn's TOML 1.1 accepts beyond TOML 1.0 (see <see cref="TomlReader"/>'s remarks).</summary>
    [Fact]
    public void Parse_Toml11Additions_AreAccepted()
    {
        var toml = TomlReader.Parse("""
            multi-line = { a = 1,
                           b = 2, }
            escapes = "\x41\e"
            short-time = 07:32
            short-date-time = 1979-05-27T07:32
            """);

        Assert.Equal(2L, toml.Get("multi-line", "b"));
        Assert.Equal("A\u001B", toml.GetString("escapes"));
        Assert.Equal(new TimeSpan(7, 32, 0), Assert.IsType<TomlDateTime>(toml.Get("short-time")).DateTime.TimeOfDay);
        Assert.Equal(new DateTime(1979, 5, 27, 7, 32, 0), Assert.IsType<TomlDateTime>(toml.Get("short-date-time")).DateTime.DateTime);
    }

    /// <summary>Tomlyn wraps unsigned 64-bit hexadecimal integers instead of rejecting them (see <see cref="TomlReader"/>'s remarks).</summary>
    [Fact]
    public void Parse_HexIntegerAbove64BitSigned_WrapsToNegative()
    {
        Assert.Equal(long.MinValue, Value("0x8000000000000000"));
        Assert.Equal(-1L, Value("0xFFFFFFFFFFFFFFFF"));
    }
}
