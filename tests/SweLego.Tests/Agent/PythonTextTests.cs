using SweLego.Agent;

namespace SweLego.Tests.Agent;

/// <summary>Python's renderings, against values printed by CPython 3.11 (<c>repr(float)</c>, <c>str.strip()</c>).</summary>
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
}
