using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    private StatementSyntax ParseStatement()
    {
        statementHasError = false;
        int start = pos;
        if (!Enter())
        {
            return Done(new ErrorStatementSyntax([]), start);
        }

        try
        {
            switch (Kind)
            {
                case TokenKind.DefKeyword:
                    return ParseFunctionDefinition(start, []);
                case TokenKind.ClassKeyword:
                    return ParseClassDefinition(start, []);
                case TokenKind.At:
                    return ParseDecorated();
                case TokenKind.IfKeyword:
                    return ParseIf();
                case TokenKind.WhileKeyword:
                    return ParseWhile();
                case TokenKind.ForKeyword:
                    return ParseFor(start);
                case TokenKind.WithKeyword:
                    return ParseWith(start);
                case TokenKind.TryKeyword:
                    return ParseTry();
                case TokenKind.AsyncKeyword:
                    switch (Peek(1))
                    {
                        case TokenKind.DefKeyword:
                            return ParseFunctionDefinition(start, []);
                        case TokenKind.ForKeyword:
                            return ParseFor(start);
                        case TokenKind.WithKeyword:
                            return ParseWith(start);
                    }

                    break;
                case TokenKind.Name when IsMatchStatement():
                    return ParseMatch();
                case TokenKind.Indent:
                    return ParseUnexpectedIndent();
                case TokenKind.Newline or TokenKind.Dedent:
                    Error("invalid syntax");
                    Advance();
                    return Done(new ErrorStatementSyntax([]), start);
            }

            return ParseSimpleStatementLine();
        }
        finally
        {
            Exit();
        }
    }

    private ErrorStatementSyntax ParseUnexpectedIndent()
    {
        int start = pos;
        Error("unexpected indent");
        Advance();
        int mark = scratch.Count;
        while (Kind is not (TokenKind.Dedent or TokenKind.EndOfFile) && !aborted)
        {
            scratch.Add(ParseStatement());
        }

        Accept(TokenKind.Dedent);
        return Done(new ErrorStatementSyntax(PopArray<SyntaxNode>(mark)), start);
    }

    private SimpleStatementLineSyntax ParseSimpleStatementLine()
    {
        int start = pos;
        int mark = scratch.Count;
        while (true)
        {
            scratch.Add(ParseSmallStatement());
            if (Kind != TokenKind.Semicolon)
            {
                break;
            }

            Advance();
            if (Kind is TokenKind.Newline or TokenKind.EndOfFile)
            {
                break;
            }
        }

        if (Kind == TokenKind.Newline)
        {
            Advance();
        }
        else if (Kind != TokenKind.EndOfFile)
        {
            Error("invalid syntax");
            SkipToEndOfLine();
            Accept(TokenKind.Newline);
        }

        return Done(new SimpleStatementLineSyntax(PopArray<StatementSyntax>(mark)), start);
    }

    private StatementSyntax ParseSmallStatement()
    {
        int start = pos;
        switch (Kind)
        {
            case TokenKind.PassKeyword:
                return Done(new KeywordStatementSyntax(SyntaxKind.PassStatement, Advance()), start);
            case TokenKind.BreakKeyword:
                return Done(new KeywordStatementSyntax(SyntaxKind.BreakStatement, Advance()), start);
            case TokenKind.ContinueKeyword:
                return Done(new KeywordStatementSyntax(SyntaxKind.ContinueStatement, Advance()), start);
            case TokenKind.ReturnKeyword:
            {
                Advance();
                var value = CanStartStarExpression(Kind) ? ParseStarExpressions() : null;
                return Done(new ReturnStatementSyntax(value), start);
            }

            case TokenKind.RaiseKeyword:
            {
                Advance();
                ExpressionSyntax? exception = null, cause = null;
                if (CanStartExpression(Kind))
                {
                    exception = ParseExpression();
                    if (Accept(TokenKind.FromKeyword))
                    {
                        cause = ParseExpression();
                    }
                }

                return Done(new RaiseStatementSyntax(exception, cause), start);
            }

            case TokenKind.GlobalKeyword or TokenKind.NonlocalKeyword:
                return ParseGlobal();
            case TokenKind.DelKeyword:
                return ParseDelete();
            case TokenKind.AssertKeyword:
            {
                Advance();
                var test = ParseExpression();
                var message = Accept(TokenKind.Comma) ? ParseExpression() : null;
                return Done(new AssertStatementSyntax(test, message), start);
            }

            case TokenKind.ImportKeyword:
                return ParseImport();
            case TokenKind.FromKeyword:
                return ParseImportFrom();
            case TokenKind.Name when IsSoftKeyword("type"u8) && Peek(1) == TokenKind.Name
                && Peek(2) is TokenKind.Equal or TokenKind.LeftBracket:
                return ParseTypeAlias();
            case TokenKind.ElseKeyword or TokenKind.ElifKeyword or TokenKind.ExceptKeyword or TokenKind.FinallyKeyword:
            case TokenKind.DefKeyword or TokenKind.ClassKeyword or TokenKind.IfKeyword or TokenKind.WhileKeyword
                or TokenKind.ForKeyword or TokenKind.WithKeyword or TokenKind.TryKeyword or TokenKind.At:
                // A compound statement where only simple ones may go (after ';' or on a header line).
                Error("invalid syntax");
                return Done(new ErrorStatementSyntax([]), start);
        }

        return ParseExpressionStatement();
    }

    private StatementSyntax ParseExpressionStatement()
    {
        int start = pos;
        ExpressionSyntax first = ParseAssignmentValue();
        TokenKind kind = Kind;
        if (kind == TokenKind.Equal)
        {
            int mark = scratch.Count;
            scratch.Add(first);
            while (Kind == TokenKind.Equal)
            {
                Advance();
                scratch.Add(ParseAssignmentValue());
            }

            var all = PopArray<ExpressionSyntax>(mark);
            var targets = all[..^1];
            foreach (var target in targets)
            {
                ValidateTarget(target, deleting: false);
            }

            return Done(new AssignmentStatementSyntax(targets, all[^1]), start);
        }

        if (IsAugmentedAssignment(kind))
        {
            ValidateAugmentedTarget(first);
            int op = Advance();
            var value = ParseAssignmentValue();
            return Done(new AugmentedAssignmentStatementSyntax(first, op, value), start);
        }

        if (kind == TokenKind.Colon)
        {
            ValidateAnnotatedTarget(first);
            Advance();
            var annotation = ParseExpression();
            var value = Accept(TokenKind.Equal) ? ParseAssignmentValue() : null;
            return Done(new AnnotatedAssignmentStatementSyntax(first, annotation, value), start);
        }

        return Done(new ExpressionStatementSyntax(first), start);
    }

    private ExpressionSyntax ParseAssignmentValue() =>
        Kind == TokenKind.YieldKeyword ? ParseYieldExpression() : ParseStarExpressions();

    private static bool IsAugmentedAssignment(TokenKind kind) => kind is TokenKind.PlusEqual or TokenKind.MinusEqual
        or TokenKind.StarEqual or TokenKind.SlashEqual or TokenKind.PercentEqual or TokenKind.AmpersandEqual
        or TokenKind.VerticalBarEqual or TokenKind.CircumflexEqual or TokenKind.LeftShiftEqual
        or TokenKind.RightShiftEqual or TokenKind.DoubleStarEqual or TokenKind.DoubleSlashEqual or TokenKind.AtEqual;

    private GlobalStatementSyntax ParseGlobal()
    {
        int start = pos;
        var kind = Kind == TokenKind.GlobalKeyword ? SyntaxKind.GlobalStatement : SyntaxKind.NonlocalStatement;
        Advance();
        int mark = tokenScratch.Count;
        do
        {
            int name = Expect(TokenKind.Name, "a name");
            if (name < 0)
            {
                break;
            }

            tokenScratch.Add(name);
        }
        while (Accept(TokenKind.Comma));

        return Done(new GlobalStatementSyntax(kind, PopTokens(mark)), start);
    }

    private DeleteStatementSyntax ParseDelete()
    {
        int start = pos;
        Advance();
        int mark = scratch.Count;
        while (CanStartExpression(Kind) || Kind == TokenKind.Star)
        {
            var target = Kind == TokenKind.Star ? ParseStarred() : ParseBitwiseOr();
            ValidateTarget(target, deleting: true);
            scratch.Add(target);
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        if (scratch.Count == mark)
        {
            Error("invalid syntax");
        }

        return Done(new DeleteStatementSyntax(PopArray<ExpressionSyntax>(mark)), start);
    }

    private ImportStatementSyntax ParseImport()
    {
        int start = pos;
        Advance();
        int mark = scratch.Count;
        do
        {
            int aliasStart = pos;
            var name = ParseDottedName();
            int asName = Accept(TokenKind.AsKeyword) ? Expect(TokenKind.Name, "a name after 'as'") : -1;
            scratch.Add(Done(new ImportAliasSyntax(name, asName), aliasStart));
        }
        while (Accept(TokenKind.Comma));

        return Done(new ImportStatementSyntax(PopArray<ImportAliasSyntax>(mark)), start);
    }

    private ImportFromStatementSyntax ParseImportFrom()
    {
        int start = pos;
        Advance();
        int level = 0;
        while (Kind is TokenKind.Dot or TokenKind.Ellipsis)
        {
            level += Kind == TokenKind.Dot ? 1 : 3;
            Advance();
        }

        DottedNameSyntax? moduleName = null;
        if (Kind == TokenKind.Name || level == 0)
        {
            moduleName = ParseDottedName();
        }

        Expect(TokenKind.ImportKeyword, "'import'");
        int mark = scratch.Count;
        bool wildcard = false;
        if (Accept(TokenKind.Star))
        {
            wildcard = true;
        }
        else
        {
            bool parenthesized = Accept(TokenKind.LeftParen);
            while (true)
            {
                int aliasStart = pos;
                if (Kind != TokenKind.Name)
                {
                    Error("expected a name to import");
                    break;
                }

                var name = ParseDottedName(single: true);
                int asName = Accept(TokenKind.AsKeyword) ? Expect(TokenKind.Name, "a name after 'as'") : -1;
                scratch.Add(Done(new ImportAliasSyntax(name, asName), aliasStart));
                if (!Accept(TokenKind.Comma))
                {
                    break;
                }

                if (Kind == TokenKind.RightParen && parenthesized)
                {
                    break;
                }

                if (!parenthesized && Kind != TokenKind.Name)
                {
                    Error("trailing comma not allowed without surrounding parentheses");
                    break;
                }
            }

            if (parenthesized)
            {
                Expect(TokenKind.RightParen, "')'");
            }
        }

        return Done(new ImportFromStatementSyntax(moduleName, PopArray<ImportAliasSyntax>(mark), level, wildcard), start);
    }

    private DottedNameSyntax ParseDottedName(bool single = false)
    {
        int start = pos;
        int mark = tokenScratch.Count;
        int name = Expect(TokenKind.Name, "a module name");
        if (name >= 0)
        {
            tokenScratch.Add(name);
            while (!single && Kind == TokenKind.Dot)
            {
                Advance();
                name = Expect(TokenKind.Name, "a name after '.'");
                if (name < 0)
                {
                    break;
                }

                tokenScratch.Add(name);
            }
        }

        return Done(new DottedNameSyntax(PopTokens(mark)), start);
    }

    private TypeAliasStatementSyntax ParseTypeAlias()
    {
        int start = pos;
        Advance();
        int name = Advance();
        var typeParameters = Kind == TokenKind.LeftBracket ? ParseTypeParameterList() : null;
        Expect(TokenKind.Equal, "'='");
        var value = ParseExpression();
        return Done(new TypeAliasStatementSyntax(name, typeParameters, value), start);
    }
}
