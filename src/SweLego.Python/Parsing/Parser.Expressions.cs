using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary><c>star_expressions</c>: a tuple without parentheses when commas follow.</summary>
    private ExpressionSyntax ParseStarExpressions()
    {
        int start = pos;
        var first = ParseStarExpression();
        if (Kind != TokenKind.Comma)
        {
            return first;
        }

        int mark = scratch.Count;
        scratch.Add(first);
        while (Kind == TokenKind.Comma)
        {
            Advance();
            if (!CanStartStarExpression(Kind))
            {
                break;
            }

            scratch.Add(ParseStarExpression());
        }

        return Done(new TupleExpressionSyntax(PopArray<ExpressionSyntax>(mark), false), start);
    }

    private ExpressionSyntax ParseStarExpression() => Kind == TokenKind.Star ? ParseStarred() : ParseExpression();

    private ExpressionSyntax ParseStarNamedExpression() => Kind == TokenKind.Star ? ParseStarred() : ParseNamedExpression();

    private StarredExpressionSyntax ParseStarred()
    {
        int start = pos;
        Advance();
        return Done(new StarredExpressionSyntax(ParseBitwiseOr()), start);
    }

    /// <summary><c>named_expression</c>: <c>name := value</c> or an expression.</summary>
    private ExpressionSyntax ParseNamedExpression()
    {
        int start = pos;
        if (Kind == TokenKind.Name && Peek(1) == TokenKind.ColonEqual)
        {
            var target = Done(new NameExpressionSyntax(Advance()), start);
            Advance();
            var value = ParseExpression();
            return Done(new NamedExpressionSyntax(target, value), start);
        }

        var expression = ParseExpression();
        if (Kind == TokenKind.ColonEqual)
        {
            Error($"cannot use assignment expressions with {Describe(expression)}");
        }

        return expression;
    }

    /// <summary><c>expression</c>: a lambda, a conditional expression or a disjunction.</summary>
    private ExpressionSyntax ParseExpression()
    {
        int start = pos;
        if (!Enter())
        {
            return Done(new ErrorExpressionSyntax([]), start);
        }

        try
        {
            if (Kind == TokenKind.LambdaKeyword)
            {
                return ParseLambda();
            }

            if (!CanStartExpression(Kind))
            {
                return MissingExpression("expected an expression");
            }

            var body = ParseDisjunction();
            if (Kind != TokenKind.IfKeyword)
            {
                return body;
            }

            Advance();
            var test = ParseDisjunction();
            ExpressionSyntax orElse;
            if (Accept(TokenKind.ElseKeyword))
            {
                orElse = ParseExpression();
            }
            else
            {
                orElse = MissingExpression("expected 'else' after 'if' expression");
            }

            return Done(new ConditionalExpressionSyntax(body, test, orElse), start);
        }
        finally
        {
            Exit();
        }
    }

    private LambdaExpressionSyntax ParseLambda()
    {
        int start = pos;
        Advance();
        var parameters = Kind == TokenKind.Colon ? null : ParseParameterList(lambda: true);
        Expect(TokenKind.Colon, "':'");
        var body = ParseExpression();
        return Done(new LambdaExpressionSyntax(parameters, body), start);
    }

    private ExpressionSyntax ParseDisjunction() => ParseBooleanChain(TokenKind.OrKeyword);

    private ExpressionSyntax ParseBooleanChain(TokenKind op)
    {
        int start = pos;
        var first = op == TokenKind.OrKeyword ? ParseBooleanChain(TokenKind.AndKeyword) : ParseInversion();
        if (Kind != op)
        {
            return first;
        }

        int mark = scratch.Count;
        int tokenMark = tokenScratch.Count;
        scratch.Add(first);
        while (Kind == op)
        {
            tokenScratch.Add(Advance());
            scratch.Add(op == TokenKind.OrKeyword ? ParseBooleanChain(TokenKind.AndKeyword) : ParseInversion());
        }

        return Done(new BooleanExpressionSyntax(PopArray<ExpressionSyntax>(mark), PopTokens(tokenMark)), start);
    }

    private ExpressionSyntax ParseInversion()
    {
        if (Kind != TokenKind.NotKeyword)
        {
            return ParseComparison();
        }

        int start = pos;
        if (!Enter())
        {
            return Done(new ErrorExpressionSyntax([]), start);
        }

        try
        {
            int op = Advance();
            return Done(new UnaryExpressionSyntax(op, ParseInversion()), start);
        }
        finally
        {
            Exit();
        }
    }

    private ExpressionSyntax ParseComparison()
    {
        int start = pos;
        var left = ParseBitwiseOr();
        if (ComparisonAt() is null)
        {
            return left;
        }

        int mark = scratch.Count;
        int tokenMark = tokenScratch.Count;
        var operators = new List<ComparisonOperator>(2);
        while (ComparisonAt() is { } op)
        {
            tokenScratch.Add(Advance());
            if (op is ComparisonOperator.NotIn or ComparisonOperator.IsNot)
            {
                Advance();
            }

            operators.Add(op);
            scratch.Add(ParseBitwiseOr());
        }

        return Done(new ComparisonExpressionSyntax(left, PopArray<ExpressionSyntax>(mark), operators, PopTokens(tokenMark)), start);
    }

    private ComparisonOperator? ComparisonAt() => Kind switch
    {
        TokenKind.EqualEqual => ComparisonOperator.Equal,
        TokenKind.NotEqual => ComparisonOperator.NotEqual,
        TokenKind.Less => ComparisonOperator.Less,
        TokenKind.LessEqual => ComparisonOperator.LessEqual,
        TokenKind.Greater => ComparisonOperator.Greater,
        TokenKind.GreaterEqual => ComparisonOperator.GreaterEqual,
        TokenKind.InKeyword => ComparisonOperator.In,
        TokenKind.NotKeyword when Peek(1) == TokenKind.InKeyword => ComparisonOperator.NotIn,
        TokenKind.IsKeyword => Peek(1) == TokenKind.NotKeyword ? ComparisonOperator.IsNot : ComparisonOperator.Is,
        _ => null,
    };

    private ExpressionSyntax ParseBitwiseOr() => ParseBinary(1);

    private static int BinaryPrecedence(TokenKind kind) => kind switch
    {
        TokenKind.VerticalBar => 1,
        TokenKind.Circumflex => 2,
        TokenKind.Ampersand => 3,
        TokenKind.LeftShift or TokenKind.RightShift => 4,
        TokenKind.Plus or TokenKind.Minus => 5,
        TokenKind.Star or TokenKind.Slash or TokenKind.DoubleSlash or TokenKind.Percent or TokenKind.At => 6,
        _ => 0,
    };

    // Precedence climbing keeps the stack shallow: one frame per operator level actually used.
    private ExpressionSyntax ParseBinary(int minPrecedence)
    {
        int start = pos;
        var left = ParseFactor();
        while (true)
        {
            int precedence = BinaryPrecedence(Kind);
            if (precedence == 0 || precedence < minPrecedence)
            {
                return left;
            }

            int op = Advance();
            var right = ParseBinary(precedence + 1);
            left = Done(new BinaryExpressionSyntax(left, op, right), start);
        }
    }

    private ExpressionSyntax ParseFactor()
    {
        if (Kind is not (TokenKind.Plus or TokenKind.Minus or TokenKind.Tilde))
        {
            return ParsePower();
        }

        int start = pos;
        if (!Enter())
        {
            return Done(new ErrorExpressionSyntax([]), start);
        }

        try
        {
            int op = Advance();
            return Done(new UnaryExpressionSyntax(op, ParseFactor()), start);
        }
        finally
        {
            Exit();
        }
    }

    private ExpressionSyntax ParsePower()
    {
        int start = pos;
        ExpressionSyntax value;
        if (Kind == TokenKind.AwaitKeyword)
        {
            Advance();
            value = Done(new AwaitExpressionSyntax(ParsePrimary()), start);
        }
        else
        {
            value = ParsePrimary();
        }

        if (Kind != TokenKind.DoubleStar)
        {
            return value;
        }

        if (!Enter())
        {
            return value;
        }

        try
        {
            int op = Advance();
            var exponent = ParseFactor();
            return Done(new BinaryExpressionSyntax(value, op, exponent), start);
        }
        finally
        {
            Exit();
        }
    }

    private ExpressionSyntax ParsePrimary()
    {
        int start = pos;
        var value = ParseAtom();
        while (true)
        {
            switch (Kind)
            {
                case TokenKind.Dot:
                    Advance();
                    int name = Expect(TokenKind.Name, "an attribute name");
                    if (name < 0)
                    {
                        return value;
                    }

                    value = Done(new AttributeExpressionSyntax(value, name), start);
                    break;
                case TokenKind.LeftParen:
                    value = Done(new CallExpressionSyntax(value, ParseArgumentList(allowGenerator: true)), start);
                    break;
                case TokenKind.LeftBracket:
                    value = Done(new SubscriptExpressionSyntax(value, ParseSubscript()), start);
                    break;
                default:
                    return value;
            }
        }
    }

    private YieldExpressionSyntax ParseYieldExpression()
    {
        int start = pos;
        Advance();
        if (Accept(TokenKind.FromKeyword))
        {
            return Done(new YieldExpressionSyntax(ParseExpression(), true), start);
        }

        var value = CanStartStarExpression(Kind) ? ParseStarExpressions() : null;
        return Done(new YieldExpressionSyntax(value, false), start);
    }
}
