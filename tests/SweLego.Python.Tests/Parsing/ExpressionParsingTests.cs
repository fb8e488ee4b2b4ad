using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Parsing;

public sealed class ExpressionParsingTests
{
    private static ExpressionSyntax Expression(string source)
    {
        var module = Py.Valid(source + "\n");
        var line = Assert.IsType<SimpleStatementLineSyntax>(Assert.Single(module.Root.Statements));
        return Assert.IsType<ExpressionStatementSyntax>(Assert.Single(line.Statements)).Expression;
    }

    [Fact]
    public void Parse_ArithmeticPrecedence_GroupsLikePython()
    {
        var sum = Assert.IsType<BinaryExpressionSyntax>(Expression("a + b * -c ** d"));
        Assert.Equal(TokenKind.Plus, sum.Operator);
        var product = Assert.IsType<BinaryExpressionSyntax>(sum.Right);
        Assert.Equal(TokenKind.Star, product.Operator);
        var negation = Assert.IsType<UnaryExpressionSyntax>(product.Right);
        Assert.Equal(TokenKind.DoubleStar, Assert.IsType<BinaryExpressionSyntax>(negation.Operand).Operator);
    }

    [Fact]
    public void Parse_SubtractionChain_IsLeftAssociative()
    {
        var outer = Assert.IsType<BinaryExpressionSyntax>(Expression("a - b - c"));
        Assert.Equal("a - b", outer.Left.Text);
    }

    [Fact]
    public void Parse_PowerChain_IsRightAssociative()
    {
        var outer = Assert.IsType<BinaryExpressionSyntax>(Expression("a ** b ** c"));
        Assert.Equal("b ** c", outer.Right.Text);
    }

    [Fact]
    public void Parse_BitwiseLevels_BindTighterThanComparison()
    {
        var comparison = Assert.IsType<ComparisonExpressionSyntax>(Expression("a | b ^ c & d << e == f"));
        Assert.Equal("a | b ^ c & d << e", comparison.Left.Text);
    }

    [Fact]
    public void Parse_ComparisonChain_KeepsEveryOperatorIncludingTwoTokenOnes()
    {
        var comparison = Assert.IsType<ComparisonExpressionSyntax>(Expression("a < b <= c not in d is not e == f"));
        Assert.Equal(
            [ComparisonOperator.Less, ComparisonOperator.LessEqual, ComparisonOperator.NotIn, ComparisonOperator.IsNot, ComparisonOperator.Equal],
            comparison.Operators);
        Assert.Equal(["b", "c", "d", "e", "f"], comparison.Comparators.Select(c => c.Text));
        Assert.Equal("not in", comparison.Module.Text.GetText(comparison.GetOperatorSpan(2)));
    }

    [Fact]
    public void Parse_BooleanChain_IsFlatLikeAstBoolOp()
    {
        var or = Assert.IsType<BooleanExpressionSyntax>(Expression("a or b and c or not d"));
        Assert.Equal(TokenKind.OrKeyword, or.Operator);
        Assert.Equal(3, or.Operands.Count);
        Assert.IsType<BooleanExpressionSyntax>(or.Operands[1]);
        Assert.IsType<UnaryExpressionSyntax>(or.Operands[2]);
    }

    [Fact]
    public void Parse_NotBindsLooserThanComparison()
    {
        var not = Assert.IsType<UnaryExpressionSyntax>(Expression("not a == b"));
        Assert.IsType<ComparisonExpressionSyntax>(not.Operand);
    }

    [Fact]
    public void Parse_ConditionalExpression_NestsToTheRight()
    {
        var conditional = Assert.IsType<ConditionalExpressionSyntax>(Expression("a if b else c if d else e"));
        Assert.IsType<ConditionalExpressionSyntax>(conditional.OrElse);
    }

    [Fact]
    public void Parse_Lambda_WithAllParameterKinds()
    {
        var lambda = Assert.IsType<LambdaExpressionSyntax>(Expression("lambda a, /, b=1, *c, d, **e: a"));
        Assert.Equal(
            [ParameterKind.Normal, ParameterKind.PositionalOnlyMarker, ParameterKind.Normal, ParameterKind.VarPositional, ParameterKind.Normal, ParameterKind.VarKeyword],
            lambda.Parameters!.Parameters.Select(p => p.ParameterKind));
        Assert.Null(Assert.IsType<LambdaExpressionSyntax>(Expression("lambda: 0")).Parameters);
    }

    [Fact]
    public void Parse_Walrus_InConditionsArgumentsAndComprehensions()
    {
        Py.Valid("if (n := len(a)) > 10:\n    pass\n");
        Py.Valid("f(x := 1)\n[y := f(x), y ** 2]\n{z := 1}\na[i := 0]\n");
        var named = Py.Single<NamedExpressionSyntax>(Py.Valid("while chunk := read():\n    pass\n"));
        Assert.Equal("chunk", named.Target.Identifier);
    }

    [Theory]
    [InlineData("a.b := 1\n")]
    [InlineData("(a.b := 1)\n")]
    [InlineData("assert x := 1\n")]
    public void Parse_WalrusWhereNotAllowed_IsAnError(string source)
    {
        Py.Invalid(source);
    }

    [Fact]
    public void Parse_Comprehensions_AllFourKinds()
    {
        var module = Py.Valid("[x for x in y if x if y]\n{x for x in y}\n{k: v for k, v in d.items()}\n(x async for x in y)\n");
        var kinds = module.Root.DescendantNodes().OfType<ComprehensionSyntax>().Select(c => c.Kind);
        Assert.Equal([SyntaxKind.ListComprehension, SyntaxKind.SetComprehension, SyntaxKind.DictComprehension, SyntaxKind.GeneratorExpression], kinds);
        var list = module.Root.DescendantNodes().OfType<ComprehensionSyntax>().First();
        Assert.Equal(3, list.Clauses.Count);
    }

    [Theory]
    [InlineData("[*a for a in b]\n", "iterable unpacking cannot be used in comprehension")]
    [InlineData("{**a for a in b}\n", "dict unpacking cannot be used in dict comprehension")]
    [InlineData("f(x for x in y, 1)\n", "Generator expression must be parenthesized")]
    [InlineData("f(x for x in y, )\n", "Generator expression must be parenthesized")]
    [InlineData("(*a)\n", "cannot use starred expression here")]
    public void Parse_ComprehensionAndStarMisuse_Reports(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }

    [Fact]
    public void Parse_GeneratorAsSoleArgument_SharesTheCallParentheses()
    {
        var call = Assert.IsType<CallExpressionSyntax>(Expression("sum(x for x in y)"));
        var generator = Assert.IsType<ComprehensionSyntax>(Assert.Single(call.Arguments.Arguments).Value);
        Assert.False(generator.HasParentheses);
    }

    [Fact]
    public void Parse_Displays_StarredAndDoubleStarred()
    {
        Assert.Equal(2, Assert.IsType<ListExpressionSyntax>(Expression("[*a, *b]")).Elements.Count);
        Assert.IsType<SetExpressionSyntax>(Expression("{*a, 1}"));
        var dict = Assert.IsType<DictExpressionSyntax>(Expression("{**a, 'b': 1, **c}"));
        Assert.Null(dict.Entries[0].Key);
        Assert.Equal("'b'", dict.Entries[1].Key!.Text);
        Assert.IsType<DictExpressionSyntax>(Expression("{}"));
        Assert.True(Assert.IsType<TupleExpressionSyntax>(Expression("()")).HasParentheses);
        Assert.True(Assert.IsType<TupleExpressionSyntax>(Expression("(*a,)")).HasParentheses);
        Assert.False(Assert.IsType<TupleExpressionSyntax>(Expression("a, *b")).HasParentheses);
    }

    [Fact]
    public void Parse_Subscripts_SlicesTuplesAndStars()
    {
        var subscript = Assert.IsType<SubscriptExpressionSyntax>(Expression("a[1:2:3, ::, :, *b]"));
        var index = Assert.IsType<TupleExpressionSyntax>(subscript.Index);
        Assert.Equal(4, index.Elements.Count);
        var first = Assert.IsType<SliceExpressionSyntax>(index.Elements[0]);
        Assert.Equal(["1", "2", "3"], new[] { first.Lower!, first.Upper!, first.Step! }.Select(e => e.Text));
        var second = Assert.IsType<SliceExpressionSyntax>(index.Elements[1]);
        Assert.Null(second.Lower);
        Assert.Null(second.Step);
        Assert.IsType<StarredExpressionSyntax>(index.Elements[3]);
        Assert.IsType<TupleExpressionSyntax>(Assert.IsType<SubscriptExpressionSyntax>(Expression("a[()]")).Index);
    }

    [Fact]
    public void Parse_Calls_ArgumentKindsAndOrderRules()
    {
        var call = Assert.IsType<CallExpressionSyntax>(Expression("f(a, *b, c=1, *d, **e)"));
        Assert.Equal(5, call.Arguments.Arguments.Count);
        Py.Valid("f(**k, a=1)\nf(a=1, *b)\nf(*a,)\n");
    }

    [Theory]
    [InlineData("f(a=1, b)\n", "positional argument follows keyword argument")]
    [InlineData("f(**a, b)\n", "positional argument follows keyword argument unpacking")]
    [InlineData("f(**k, *a)\n", "iterable argument unpacking follows keyword argument unpacking")]
    [InlineData("f(a.b=1)\n", "expression cannot contain assignment, perhaps you meant \"==\"?")]
    [InlineData("f(,)\n", "invalid syntax")]
    public void Parse_CallArgumentOrderViolations_Report(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }

    [Fact]
    public void Parse_PrimaryChain_NestsLeftToRight()
    {
        var call = Assert.IsType<CallExpressionSyntax>(Expression("a.b.c(d)[e](f)"));
        var subscript = Assert.IsType<SubscriptExpressionSyntax>(call.Function);
        Assert.Equal("a.b.c(d)", subscript.Value.Text);
        Assert.Equal("c", Assert.IsType<AttributeExpressionSyntax>(Assert.IsType<CallExpressionSyntax>(subscript.Value).Function).Name);
    }

    [Fact]
    public void Parse_AwaitAndYield_InTheirPositions()
    {
        var module = Py.Valid("async def f():\n    x = await a ** 2\n    y = yield\n    z = yield from g()\n    w = (yield a, b)\n");
        Assert.IsType<AwaitExpressionSyntax>(Assert.IsType<BinaryExpressionSyntax>(module.Root.DescendantNodes().OfType<AssignmentStatementSyntax>().First().Value).Left);
        var yields = module.Root.DescendantNodes().OfType<YieldExpressionSyntax>().ToList();
        Assert.Null(yields[0].Value);
        Assert.True(yields[1].IsFrom);
        Assert.IsType<TupleExpressionSyntax>(yields[2].Value);
    }

    [Fact]
    public void Parse_ImplicitStringConcatenation_IsOneLiteral()
    {
        var literal = Assert.IsType<StringLiteralSyntax>(Expression("'a' \"b\" '''c'''"));
        Assert.Equal("abc", literal.Value);
        Assert.False(literal.IsBytes);
        Assert.True(Assert.IsType<StringLiteralSyntax>(Expression("b'x' rb'y'")).IsBytes);
    }

    [Theory]
    [InlineData("'a' b'c'\n", "cannot mix bytes and nonbytes literals")]
    [InlineData("b'é'\n", "bytes can only contain ASCII literal characters")]
    [InlineData("'\\x4'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0: truncated \\xXX escape")]
    [InlineData("'\\N'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0: malformed \\N character escape")]
    [InlineData("'\\U00110000'\n", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0: illegal Unicode character")]
    public void Parse_BadStringLiterals_Report(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("'\\d'")]
    [InlineData("b'\\u00e9'")]
    [InlineData("r'\\x'")]
    [InlineData("'\\N{BULLET}'")]
    [InlineData("u'\\u00e9'")]
    public void Parse_EscapesCPythonAccepts_AreValid(string source)
    {
        Py.Valid(source + "\n");
    }

    [Fact]
    public void Parse_StringValue_ProcessesEscapes()
    {
        Assert.Equal("a\tb\n\u00e9\u2022!\\q", Assert.IsType<StringLiteralSyntax>(Expression("'a\\tb\\n\\xe9\\u2022\\041\\q'")).Value);
    }

    [Fact]
    public void Parse_DeeplyNestedExpression_ReportsInsteadOfOverflowingTheStack()
    {
        var source = "x = " + string.Concat(Enumerable.Repeat("-", 20000)) + "1\n";
        var module = PythonSource.Parse(System.Text.Encoding.UTF8.GetBytes(source));
        Assert.NotEmpty(module.Diagnostics);
        Assert.Equal(source, module.ToSource());
    }
}
