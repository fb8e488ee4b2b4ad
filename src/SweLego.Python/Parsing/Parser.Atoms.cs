using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    private ExpressionSyntax ParseAtom()
    {
        int start = pos;
        switch (Kind)
        {
            case TokenKind.Name:
                return Done(new NameExpressionSyntax(Advance()), start);
            case TokenKind.NumberLiteral:
                return Done(new LiteralExpressionSyntax(SyntaxKind.NumberLiteral, Advance()), start);
            case TokenKind.NoneKeyword:
                return Done(new LiteralExpressionSyntax(SyntaxKind.NoneLiteral, Advance()), start);
            case TokenKind.TrueKeyword:
                return Done(new LiteralExpressionSyntax(SyntaxKind.TrueLiteral, Advance()), start);
            case TokenKind.FalseKeyword:
                return Done(new LiteralExpressionSyntax(SyntaxKind.FalseLiteral, Advance()), start);
            case TokenKind.Ellipsis:
                return Done(new LiteralExpressionSyntax(SyntaxKind.EllipsisLiteral, Advance()), start);
            case TokenKind.StringLiteral or TokenKind.FStringStart:
                return ParseStrings();
            case TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace:
                if (!Enter())
                {
                    return Done(new ErrorExpressionSyntax([]), start);
                }

                try
                {
                    return Kind switch
                    {
                        TokenKind.LeftParen => ParseParenthesized(),
                        TokenKind.LeftBracket => ParseListDisplay(),
                        _ => ParseBraceDisplay(),
                    };
                }
                finally
                {
                    Exit();
                }

            default:
                return MissingExpression("invalid syntax");
        }
    }

    private bool AtComprehension() =>
        Kind == TokenKind.ForKeyword || (Kind == TokenKind.AsyncKeyword && Peek(1) == TokenKind.ForKeyword);

    private ExpressionSyntax ParseParenthesized()
    {
        int start = pos;
        Advance();
        if (Accept(TokenKind.RightParen))
        {
            return Done(new TupleExpressionSyntax([], true), start);
        }

        if (Kind == TokenKind.YieldKeyword)
        {
            var yield = ParseYieldExpression();
            Expect(TokenKind.RightParen, "')'");
            return Done(new ParenthesizedExpressionSyntax(yield), start);
        }

        var first = ParseStarNamedExpression();
        if (AtComprehension())
        {
            CheckComprehensionElement(first);
            var clauses = ParseComprehensionClauses();
            CloseBracket(TokenKind.RightParen, "')'");
            return Done(new ComprehensionSyntax(SyntaxKind.GeneratorExpression, first, clauses, true), start);
        }

        if (Kind == TokenKind.Comma)
        {
            int mark = scratch.Count;
            scratch.Add(first);
            ParseElementsAfterComma(TokenKind.RightParen);
            CloseBracket(TokenKind.RightParen, "')'");
            return Done(new TupleExpressionSyntax(PopArray<ExpressionSyntax>(mark), true), start);
        }

        if (first is StarredExpressionSyntax)
        {
            ErrorAt(tokens[first.FirstToken].Start, "cannot use starred expression here");
        }

        CloseBracket(TokenKind.RightParen, "')'");
        return Done(new ParenthesizedExpressionSyntax(first), start);
    }

    /// <summary>After the first element and at a comma: the remaining display elements, trailing comma allowed.</summary>
    private void ParseElementsAfterComma(TokenKind close)
    {
        while (Accept(TokenKind.Comma))
        {
            if (Kind == close || !CanStartStarExpression(Kind))
            {
                break;
            }

            scratch.Add(ParseStarNamedExpression());
        }
    }

    private void CloseBracket(TokenKind close, string what)
    {
        if (Accept(close))
        {
            return;
        }

        Error($"expected {what}");
        SkipUntil(close);
        Accept(close);
    }

    private ExpressionSyntax ParseListDisplay()
    {
        int start = pos;
        Advance();
        if (Accept(TokenKind.RightBracket))
        {
            return Done(new ListExpressionSyntax([]), start);
        }

        var first = ParseStarNamedExpression();
        if (AtComprehension())
        {
            CheckComprehensionElement(first);
            var clauses = ParseComprehensionClauses();
            CloseBracket(TokenKind.RightBracket, "']'");
            return Done(new ComprehensionSyntax(SyntaxKind.ListComprehension, first, clauses, true), start);
        }

        int mark = scratch.Count;
        scratch.Add(first);
        ParseElementsAfterComma(TokenKind.RightBracket);
        CloseBracket(TokenKind.RightBracket, "']'");
        return Done(new ListExpressionSyntax(PopArray<ExpressionSyntax>(mark)), start);
    }

    private ExpressionSyntax ParseBraceDisplay()
    {
        int start = pos;
        Advance();
        if (Accept(TokenKind.RightBrace))
        {
            return Done(new DictExpressionSyntax([]), start);
        }

        if (Kind == TokenKind.DoubleStar)
        {
            var entry = ParseDictEntry();
            if (AtComprehension())
            {
                ErrorAt(tokens[entry.FirstToken].Start, "dict unpacking cannot be used in dict comprehension");
            }

            return ParseDictRest(start, entry);
        }

        var first = ParseStarNamedExpression();
        if (Kind == TokenKind.Colon && first is not StarredExpressionSyntax)
        {
            Advance();
            var value = ParseExpression();
            var entry = Done(new DictEntrySyntax(first, value), first.FirstToken);
            if (AtComprehension())
            {
                var clauses = ParseComprehensionClauses();
                CloseBracket(TokenKind.RightBrace, "'}'");
                return Done(new ComprehensionSyntax(SyntaxKind.DictComprehension, entry, clauses, true), start);
            }

            return ParseDictRest(start, entry);
        }

        if (AtComprehension())
        {
            CheckComprehensionElement(first);
            var clauses = ParseComprehensionClauses();
            CloseBracket(TokenKind.RightBrace, "'}'");
            return Done(new ComprehensionSyntax(SyntaxKind.SetComprehension, first, clauses, true), start);
        }

        int mark = scratch.Count;
        scratch.Add(first);
        ParseElementsAfterComma(TokenKind.RightBrace);
        CloseBracket(TokenKind.RightBrace, "'}'");
        return Done(new SetExpressionSyntax(PopArray<ExpressionSyntax>(mark)), start);
    }

    private DictExpressionSyntax ParseDictRest(int start, DictEntrySyntax first)
    {
        int mark = scratch.Count;
        scratch.Add(first);
        while (Accept(TokenKind.Comma))
        {
            if (Kind == TokenKind.RightBrace)
            {
                break;
            }

            scratch.Add(ParseDictEntry());
        }

        CloseBracket(TokenKind.RightBrace, "'}'");
        return Done(new DictExpressionSyntax(PopArray<DictEntrySyntax>(mark)), start);
    }

    private DictEntrySyntax ParseDictEntry()
    {
        int start = pos;
        if (Accept(TokenKind.DoubleStar))
        {
            return Done(new DictEntrySyntax(null, ParseBitwiseOr()), start);
        }

        var key = ParseExpression();
        Expect(TokenKind.Colon, "':'");
        var value = ParseExpression();
        return Done(new DictEntrySyntax(key, value), start);
    }

    private void CheckComprehensionElement(ExpressionSyntax element)
    {
        if (element is StarredExpressionSyntax)
        {
            ErrorAt(tokens[element.FirstToken].Start, "iterable unpacking cannot be used in comprehension");
        }
    }

    private ComprehensionClauseSyntax[] ParseComprehensionClauses()
    {
        int mark = scratch.Count;
        while (AtComprehension() && !aborted)
        {
            int start = pos;
            int asyncKeyword = Kind == TokenKind.AsyncKeyword ? Advance() : -1;
            Advance();
            var target = ParseTargetList();
            ValidateTarget(target, deleting: false);
            Expect(TokenKind.InKeyword, "'in'");
            var iterable = ParseDisjunction();
            scratch.Add(Done(new ComprehensionForSyntax(asyncKeyword, target, iterable), start));
            while (Kind == TokenKind.IfKeyword)
            {
                int ifStart = pos;
                Advance();
                scratch.Add(Done(new ComprehensionIfSyntax(ParseDisjunction()), ifStart));
            }
        }

        return PopArray<ComprehensionClauseSyntax>(mark);
    }

    private ExpressionSyntax ParseSubscript()
    {
        Advance();
        int start = pos;
        var first = ParseSliceItem();
        ExpressionSyntax index = first;
        if (Kind == TokenKind.Comma)
        {
            int mark = scratch.Count;
            scratch.Add(first);
            while (Accept(TokenKind.Comma))
            {
                if (Kind == TokenKind.RightBracket)
                {
                    break;
                }

                scratch.Add(ParseSliceItem());
            }

            index = Done(new TupleExpressionSyntax(PopArray<ExpressionSyntax>(mark), false), start);
        }

        CloseBracket(TokenKind.RightBracket, "']'");
        return index;
    }

    private ExpressionSyntax ParseSliceItem()
    {
        int start = pos;
        if (Kind == TokenKind.Star)
        {
            return ParseStarred();
        }

        ExpressionSyntax? lower = null;
        if (Kind != TokenKind.Colon)
        {
            lower = ParseNamedExpression();
            if (Kind != TokenKind.Colon)
            {
                return lower;
            }
        }

        Advance();
        ExpressionSyntax? upper = Kind is TokenKind.Colon or TokenKind.Comma or TokenKind.RightBracket ? null : ParseExpression();
        ExpressionSyntax? step = null;
        if (Accept(TokenKind.Colon) && Kind is not (TokenKind.Comma or TokenKind.RightBracket))
        {
            step = ParseExpression();
        }

        return Done(new SliceExpressionSyntax(lower, upper, step), start);
    }
}
