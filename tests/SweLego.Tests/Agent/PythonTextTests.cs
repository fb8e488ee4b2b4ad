using System.Text.Json.Nodes;
using SweLego.Agent;

namespace SweLego.Tests.Agent;

/// <summary>Python's renderings, against values printed by CPython 3.11 (<c>repr(float)</c>, <c>str.strip()</c>, <c>repr</c>, <c>json.dumps</c>).</summary>
public sealed class PythonTextTests
{
    [Theory]
    [InlineData(30.0, "30.0")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-5, "1e-05")]
    [InlineData(1.5e-5, "1.5e-05")]
    [InlineData(1e-4, "0.0001")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(123456789012345678.0, "1.2345678901234568e+17")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(1.7976931348623157e308, "1.7976931348623157e+308")]
    [InlineData(100.0, "100.0")]
    public void FloatRepr_Values_MatchCPython(double value, string expected) => Assert.Equal(expected, PythonText.FloatRepr(value));

    [Fact]
    public void Strip_PythonWhitespace_IncludesInformationSeparators() =>
        Assert.Equal("a \u001c b", PythonText.Strip("\u001f\t \u00a0\u2028a \u001c b\r\n\u001c\u3000"));

    [Theory]
    [InlineData("ls", "'ls'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("it's \"x\"", "'it\\'s \"x\"'")]
    [InlineData("a\\b\tc\nd\re", "'a\\\\b\\tc\\nd\\re'")]
    [InlineData("\u0001\u007f\u00a0\u2028é", "'\\x01\\x7f\\xa0\\u2028é'")]
    public void Repr_of_strings(string value, string repr) => Assert.Equal(repr, PythonText.Repr(value));

    [Fact]
    public void Repr_of_parsed_json_and_sets()
    {
        Assert.Equal("{'a': [1, 2.5, True, None], 'b': {'c': 'd'}}", PythonText.Repr(JsonNode.Parse("""{"a": [1, 2.5, true, null], "b": {"c": "d"}}""")));
        Assert.Equal("set()", PythonText.ReprSet([]));
        Assert.Equal("{'x', 'y'}", PythonText.ReprSet(["x", "y"]));
    }

    [Fact]
    public void Json_dumps_uses_python_separators_and_ascii_escapes()
    {
        Assert.Equal("""[1, -1, "\u00e4\n", {"k": null}]""", PythonText.JsonDumps(JsonNode.Parse("""[1, -1, "ä\n", {"k": null}]""")));
    }
}
