using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Parsing;

public sealed class FStringParsingTests
{
    [Fact]
    public void Parse_FString_ExposesFieldsConversionAndSpec()
    {
        var module = Py.Valid("f'{x!r:>{width}} and {y=}'\n");
        var fstring = Py.Single<FStringSyntax>(module);
        Assert.Equal(2, fstring.Fields.Count);
        var first = fstring.Fields[0];
        Assert.Equal("x", first.Expression.Text);
        Assert.Equal("r", first.ConversionToken!.Value.Text);
        Assert.Equal("width", Assert.Single(first.FormatSpec!.Fields).Expression.Text);
        Assert.True(fstring.Fields[1].HasDebugEquals);
    }

    [Theory]
    [InlineData("f\"{f\"{f\"{1+1}\"}\"}\"")]
    [InlineData("f'{'a'}'")]
    [InlineData("f\"{\", \".join(items)}\"")]
    [InlineData("f\"{'\\n'.join(x)}\"")]
    [InlineData("f'''{\n    x  # a comment\n}'''")]
    [InlineData("f'{x\n}'")]
    [InlineData("f'{x:\n}'")]
    [InlineData("f'{x:{y:{z}}}'")]
    [InlineData("f'{x!r }'")]
    public void Parse_Pep701FStrings_AreValid(string source)
    {
        Py.Valid(source + "\n");
    }

    [Theory]
    [InlineData("f'{x:=10}'")]
    [InlineData("f'{(x:=10)}'")]
    [InlineData("f'{x = !r:10}'")]
    [InlineData("f'{a!=b}'")]
    [InlineData("f'{{}}'")]
    [InlineData("f'\\{x}'")]
    [InlineData("rf'\\{x}'")]
    [InlineData("rf'\\N{x}'")]
    [InlineData("f'\\N{BULLET} {x:\\N{BULLET}}'")]
    [InlineData("f'{*a, *b}'")]
    [InlineData("f'{yield}'")]
    [InlineData("f'{x:%Y-%m-%d %H:%M}'")]
    [InlineData("f\"{x:'>10}\"")]
    [InlineData("F'{x}' 'y' f'{z}'")]
    public void Parse_TrickyFStrings_AreValid(string source)
    {
        Py.Valid(source + "\n");
    }

    [Theory]
    [InlineData("f'{}'", "f-string: valid expression required before '}'")]
    [InlineData("f'{x!z}'", "f-string: invalid conversion character: expected 's', 'r', or 'a'")]
    [InlineData("f'{x!}'", "f-string: missing conversion character")]
    [InlineData("f'}'", "f-string: single '}' is not allowed")]
    [InlineData("f'{x:{y:{z:{w}}}}'", "f-string: expressions nested too deeply")]
    [InlineData("f'{lambda x: 1}'", "expected an expression")]
    [InlineData("f'{x:a\nb}'", "f-string: expecting '}'")]
    [InlineData("f'{x' 'y'", "f-string: expecting '}'")]
    [InlineData("f'{x}' b'y'", "cannot mix bytes and nonbytes literals")]
    public void Parse_BadFStrings_Report(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source + "\n").Diagnostics[0].Message);
    }

    [Fact]
    public void Parse_UnterminatedFString_RecoversAtTheNextDefinition()
    {
        var module = Py.Invalid("x = f'{a\ndef g():\n    return 1\n");
        Assert.Equal("g", Assert.Single(module.Functions).Name);
    }
}
