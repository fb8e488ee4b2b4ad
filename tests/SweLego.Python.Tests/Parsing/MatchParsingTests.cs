using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Parsing;

public sealed class MatchParsingTests
{
    [Fact]
    public void Parse_MatchStatement_BuildsCasesAndPatterns()
    {
        const string source = """
            match command.split():
                case [action]:
                    pass
                case [action, *rest] if rest:
                    pass
                case Point(x=0, y=0) | Point(0, 0):
                    pass
                case {"key": value, **others}:
                    pass
                case -1 | 1+2j | "s" "t" | None | Color.RED:
                    pass
                case (a, b) as pair:
                    pass
                case _:
                    pass

            """;
        var match = Py.Single<MatchStatementSyntax>(Py.Valid(source));
        Assert.Equal(7, match.Cases.Count);
        Assert.IsType<MatchSequencePatternSyntax>(match.Cases[0].Pattern);
        Assert.NotNull(match.Cases[1].Guard);
        var or = Assert.IsType<MatchOrPatternSyntax>(match.Cases[2].Pattern);
        var cls = Assert.IsType<MatchClassPatternSyntax>(or.Patterns[0]);
        Assert.All(cls.Arguments, a => Assert.IsType<MatchKeywordPatternSyntax>(a));
        var mapping = Assert.IsType<MatchMappingPatternSyntax>(match.Cases[3].Pattern);
        Assert.Equal("others", mapping.RestToken!.Value.Text);
        Assert.Equal(5, Assert.IsType<MatchOrPatternSyntax>(match.Cases[4].Pattern).Patterns.Count);
        var capture = Assert.IsType<MatchAsPatternSyntax>(match.Cases[5].Pattern);
        Assert.Equal("pair", capture.NameToken!.Value.Text);
        var wildcard = Assert.IsType<MatchAsPatternSyntax>(match.Cases[6].Pattern);
        Assert.Null(wildcard.Pattern);
        Assert.Null(wildcard.NameToken);
    }

    [Theory]
    [InlineData("match = 1\n")]
    [InlineData("match(x)\n")]
    [InlineData("match.group(1)\n")]
    [InlineData("match[x] = 1\n")]
    [InlineData("match, case = 1, 2\n")]
    [InlineData("print(match, case, _)\n")]
    [InlineData("case = 5\n")]
    [InlineData("_ = 1\n")]
    public void Parse_SoftKeywordsAsNames_AreOrdinaryStatements(string source)
    {
        var module = Py.Valid(source);
        Assert.Empty(module.Root.DescendantNodes().OfType<MatchStatementSyntax>());
    }

    [Theory]
    [InlineData("match (x):\n    case 1: pass\n")]
    [InlineData("match [x]:\n    case 1: pass\n")]
    [InlineData("match -x:\n    case 1: pass\n")]
    [InlineData("match x, *y:\n    case a: pass\n")]
    [InlineData("match x:\n    case case: pass\n    case match: pass\n")]
    [InlineData("match x:\n    case {1: a, 'b': c, X.y: d}: pass\n")]
    [InlineData("match x:\n    case *a, b: pass\n")]
    [InlineData("match x:\n    case (): pass\n    case []: pass\n    case {}: pass\n")]
    public void Parse_MatchVariants_AreMatchStatements(string source)
    {
        Assert.Single(Py.Valid(source).Root.DescendantNodes().OfType<MatchStatementSyntax>());
    }

    [Theory]
    [InlineData("match x:\n    case A(x=1, 2): pass\n", "positional patterns follow keyword patterns")]
    [InlineData("match x:\n    case 1+2: pass\n", "imaginary number required in complex literal")]
    [InlineData("match x:\n    case a as _: pass\n", "cannot use '_' as a target")]
    [InlineData("match x:\n    case {**r, 'a': 1}: pass\n", "invalid syntax")]
    [InlineData("match x:\n    pass\n", "expected 'case' block")]
    public void Parse_BadPatterns_Report(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }
}
