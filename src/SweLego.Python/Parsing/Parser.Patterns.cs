using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary><c>patterns</c>: an open sequence <c>a, *b</c> or a single pattern.</summary>
    private PatternSyntax ParseOpenSequencePattern()
    {
        int start = pos;
        var first = ParseMaybeStarPattern();
        if (Kind != TokenKind.Comma)
        {
            if (first is MatchStarPatternSyntax)
            {
                ErrorAt(tokens[start].Start, "invalid syntax");
            }

            return first;
        }

        int mark = scratch.Count;
        scratch.Add(first);
        while (Accept(TokenKind.Comma))
        {
            if (Kind is TokenKind.Colon or TokenKind.IfKeyword)
            {
                break;
            }

            scratch.Add(ParseMaybeStarPattern());
        }

        return Done(new MatchSequencePatternSyntax(PopArray<PatternSyntax>(mark)), start);
    }

    private PatternSyntax ParseMaybeStarPattern()
    {
        if (Kind != TokenKind.Star)
        {
            return ParsePattern();
        }

        int start = pos;
        Advance();
        int name = Expect(TokenKind.Name, "a name after '*'");
        if (name >= 0 && TokenIs(name, "_"u8))
        {
            name = -1;
        }

        return Done(new MatchStarPatternSyntax(name), start);
    }

    private PatternSyntax ParsePattern()
    {
        int start = pos;
        if (!Enter())
        {
            return Done(new MatchValuePatternSyntax(Done(new ErrorExpressionSyntax([]), start)), start);
        }

        try
        {
            var pattern = ParseOrPattern();
            if (!Accept(TokenKind.AsKeyword))
            {
                return pattern;
            }

            int name = Expect(TokenKind.Name, "a name after 'as'");
            if (name >= 0 && TokenIs(name, "_"u8))
            {
                ErrorAt(tokens[name].Start, "cannot use '_' as a target");
            }

            return Done(new MatchAsPatternSyntax(pattern, name), start);
        }
        finally
        {
            Exit();
        }
    }

    private PatternSyntax ParseOrPattern()
    {
        int start = pos;
        var first = ParseClosedPattern();
        if (Kind != TokenKind.VerticalBar)
        {
            return first;
        }

        int mark = scratch.Count;
        scratch.Add(first);
        while (Accept(TokenKind.VerticalBar))
        {
            scratch.Add(ParseClosedPattern());
        }

        return Done(new MatchOrPatternSyntax(PopArray<PatternSyntax>(mark)), start);
    }

    private PatternSyntax ParseClosedPattern()
    {
        int start = pos;
        switch (Kind)
        {
            case TokenKind.NumberLiteral or TokenKind.Minus:
                return Done(new MatchValuePatternSyntax(ParseSignedNumber()), start);
            case TokenKind.StringLiteral or TokenKind.FStringStart:
                return Done(new MatchValuePatternSyntax(ParseStrings()), start);
            case TokenKind.NoneKeyword or TokenKind.TrueKeyword or TokenKind.FalseKeyword:
                return Done(new MatchSingletonPatternSyntax(Advance()), start);
            case TokenKind.Name:
                return ParseNamePattern();
            case TokenKind.LeftParen or TokenKind.LeftBracket:
                return ParseSequenceOrGroupPattern();
            case TokenKind.LeftBrace:
                return ParseMappingPattern();
            default:
                return Done(new MatchValuePatternSyntax(MissingExpression("invalid pattern")), start);
        }
    }

    /// <summary>A signed number or a complex literal <c>-1+2j</c>, as CPython allows them in patterns.</summary>
    private ExpressionSyntax ParseSignedNumber()
    {
        int start = pos;
        ExpressionSyntax real;
        if (Kind == TokenKind.Minus)
        {
            int minus = Advance();
            real = Done(new UnaryExpressionSyntax(minus, ParseNumberAtom()), start);
        }
        else
        {
            real = ParseNumberAtom();
        }

        if (Kind is not (TokenKind.Plus or TokenKind.Minus))
        {
            return real;
        }

        if (IsImaginary(pos - 1))
        {
            Error("real number required in complex literal");
        }

        int op = Advance();
        var imaginary = ParseNumberAtom();
        if (!IsImaginary(pos - 1))
        {
            ErrorAt(tokens[op].Start, "imaginary number required in complex literal");
        }

        return Done(new BinaryExpressionSyntax(real, op, imaginary), start);
    }

    private ExpressionSyntax ParseNumberAtom()
    {
        int start = pos;
        return Kind == TokenKind.NumberLiteral
            ? Done(new LiteralExpressionSyntax(SyntaxKind.NumberLiteral, Advance()), start)
            : MissingExpression("expected a number");
    }

    private bool IsImaginary(int index) =>
        tokens[index].Kind == TokenKind.NumberLiteral && (src[tokens[index].End - 1] | 0x20) == 'j';

    private PatternSyntax ParseNamePattern()
    {
        int start = pos;
        if (IsSoftKeyword("_"u8) && Peek(1) is not (TokenKind.Dot or TokenKind.LeftParen or TokenKind.Equal))
        {
            Advance();
            return Done(new MatchAsPatternSyntax(null, -1), start);
        }

        ExpressionSyntax value = Done(new NameExpressionSyntax(Advance()), start);
        while (Kind == TokenKind.Dot)
        {
            Advance();
            int name = Expect(TokenKind.Name, "an attribute name");
            if (name < 0)
            {
                break;
            }

            value = Done(new AttributeExpressionSyntax(value, name), start);
        }

        if (Kind == TokenKind.LeftParen)
        {
            return ParseClassPattern(start, value);
        }

        if (value is AttributeExpressionSyntax)
        {
            return Done(new MatchValuePatternSyntax(value), start);
        }

        // A bare name captures; the NameExpression node is dropped and its token kept.
        return Done(new MatchAsPatternSyntax(null, start), start);
    }

    private MatchClassPatternSyntax ParseClassPattern(int start, ExpressionSyntax cls)
    {
        Advance();
        int mark = scratch.Count;
        bool seenKeyword = false;
        while (Kind != TokenKind.RightParen && !aborted)
        {
            int argumentStart = pos;
            if (Kind == TokenKind.Name && Peek(1) == TokenKind.Equal)
            {
                int name = Advance();
                Advance();
                scratch.Add(Done(new MatchKeywordPatternSyntax(name, ParsePattern()), argumentStart));
                seenKeyword = true;
            }
            else
            {
                var pattern = ParsePattern();
                if (seenKeyword)
                {
                    ErrorAt(tokens[argumentStart].Start, "positional patterns follow keyword patterns");
                }

                scratch.Add(pattern);
            }

            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        CloseBracket(TokenKind.RightParen, "')'");
        return Done(new MatchClassPatternSyntax(cls, PopArray<PatternSyntax>(mark)), start);
    }

    private PatternSyntax ParseSequenceOrGroupPattern()
    {
        int start = pos;
        bool paren = Kind == TokenKind.LeftParen;
        TokenKind close = paren ? TokenKind.RightParen : TokenKind.RightBracket;
        Advance();
        int mark = scratch.Count;
        if (Kind != close)
        {
            var first = ParseMaybeStarPattern();
            if (paren && Kind == close && first is not MatchStarPatternSyntax)
            {
                Advance();
                return Done(new MatchGroupPatternSyntax(first), start);
            }

            scratch.Add(first);
            while (Accept(TokenKind.Comma))
            {
                if (Kind == close)
                {
                    break;
                }

                scratch.Add(ParseMaybeStarPattern());
            }

            if (paren && scratch.Count - mark == 1 && tokens[pos - 1].Kind != TokenKind.Comma)
            {
                ErrorAt(tokens[start].Start, "invalid syntax");
            }
        }

        CloseBracket(close, paren ? "')'" : "']'");
        return Done(new MatchSequencePatternSyntax(PopArray<PatternSyntax>(mark)), start);
    }

    private MatchMappingPatternSyntax ParseMappingPattern()
    {
        int start = pos;
        Advance();
        int mark = scratch.Count;
        int rest = -1;
        while (Kind != TokenKind.RightBrace && !aborted)
        {
            if (Accept(TokenKind.DoubleStar))
            {
                rest = Expect(TokenKind.Name, "a name after '**'");
                Accept(TokenKind.Comma);
                if (Kind != TokenKind.RightBrace)
                {
                    Error("invalid syntax");
                }

                break;
            }

            int entryStart = pos;
            ExpressionSyntax key = Kind switch
            {
                TokenKind.NumberLiteral or TokenKind.Minus => ParseSignedNumber(),
                TokenKind.StringLiteral or TokenKind.FStringStart => ParseStrings(),
                TokenKind.NoneKeyword or TokenKind.TrueKeyword or TokenKind.FalseKeyword => ParseAtom(),
                TokenKind.Name => ParseValuePatternKey(),
                _ => MissingExpression("invalid syntax"),
            };
            Expect(TokenKind.Colon, "':'");
            scratch.Add(Done(new MatchMappingEntrySyntax(key, ParsePattern()), entryStart));
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        CloseBracket(TokenKind.RightBrace, "'}'");
        return Done(new MatchMappingPatternSyntax(PopArray<MatchMappingEntrySyntax>(mark), rest), start);
    }

    private ExpressionSyntax ParseValuePatternKey()
    {
        int start = pos;
        ExpressionSyntax value = Done(new NameExpressionSyntax(Advance()), start);
        if (Kind != TokenKind.Dot)
        {
            ErrorAt(tokens[start].Start, "mapping pattern keys may only match literals and attribute lookups");
        }

        while (Accept(TokenKind.Dot))
        {
            int name = Expect(TokenKind.Name, "an attribute name");
            if (name < 0)
            {
                break;
            }

            value = Done(new AttributeExpressionSyntax(value, name), start);
        }

        return value;
    }
}
