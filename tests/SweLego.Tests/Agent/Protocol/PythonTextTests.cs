using System.Text.Json.Nodes;
using SweLego.Agent.Protocol;

namespace SweLego.Tests.Agent.Protocol;

/// <summary>Python's repr and json.dumps as the released messages and re-rendered calls show values (checked against CPython).</summary>
public class PythonTextTests
{
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
