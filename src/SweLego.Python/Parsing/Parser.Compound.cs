using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    private BlockSyntax ParseColonAndBlock()
    {
        if (!Accept(TokenKind.Colon))
        {
            Error("expected ':'");
            SkipUntil(TokenKind.Colon);
            Accept(TokenKind.Colon);
        }

        return ParseBlock();
    }

    private BlockSyntax ParseBlock()
    {
        int start = pos;
        int mark = scratch.Count;
        if (Kind == TokenKind.Newline)
        {
            Advance();
            if (Kind == TokenKind.Indent)
            {
                Advance();
                while (Kind is not (TokenKind.Dedent or TokenKind.EndOfFile) && !aborted)
                {
                    scratch.Add(ParseStatement());
                }

                Accept(TokenKind.Dedent);
            }
            else
            {
                Error("expected an indented block");
            }
        }
        else if (Kind == TokenKind.EndOfFile)
        {
            Error("expected an indented block");
        }
        else if (StartsCompoundStatement())
        {
            // Only simple statements may share the header's line; parse it anyway so its
            // definitions are still found.
            Error("invalid syntax");
            bool hadError = statementHasError;
            scratch.Add(ParseStatement());
            statementHasError = hadError;
        }
        else
        {
            scratch.Add(ParseSimpleStatementLine());
        }

        return Done(new BlockSyntax(PopArray<StatementSyntax>(mark)), start);
    }

    private bool StartsCompoundStatement() => Kind switch
    {
        TokenKind.DefKeyword or TokenKind.ClassKeyword or TokenKind.IfKeyword or TokenKind.WhileKeyword
            or TokenKind.ForKeyword or TokenKind.WithKeyword or TokenKind.TryKeyword or TokenKind.At => true,
        TokenKind.AsyncKeyword => Peek(1) is TokenKind.DefKeyword or TokenKind.ForKeyword or TokenKind.WithKeyword,
        _ => false,
    };

    private StatementSyntax ParseDecorated()
    {
        int start = pos;
        int mark = scratch.Count;
        while (Kind == TokenKind.At)
        {
            int decoratorStart = pos;
            int at = Advance();
            var expression = ParseNamedExpression();
            if (!Accept(TokenKind.Newline))
            {
                Error("invalid syntax");
                SkipToEndOfLine();
                Accept(TokenKind.Newline);
            }

            scratch.Add(Done(new DecoratorSyntax(at, expression), decoratorStart));
        }

        var decorators = PopArray<DecoratorSyntax>(mark);
        if (Kind == TokenKind.DefKeyword || (Kind == TokenKind.AsyncKeyword && Peek(1) == TokenKind.DefKeyword))
        {
            return ParseFunctionDefinition(start, decorators);
        }

        if (Kind == TokenKind.ClassKeyword)
        {
            return ParseClassDefinition(start, decorators);
        }

        Error("invalid syntax");
        return Done(new ErrorStatementSyntax(decorators), start);
    }

    private StatementSyntax ParseFunctionDefinition(int start, DecoratorSyntax[] decorators)
    {
        int asyncKeyword = Kind == TokenKind.AsyncKeyword ? Advance() : -1;
        int defKeyword = Advance();
        int name = Expect(TokenKind.Name, "a function name");
        var typeParameters = Kind == TokenKind.LeftBracket ? ParseTypeParameterList() : null;
        ParameterListSyntax parameters;
        if (Kind == TokenKind.LeftParen)
        {
            parameters = ParseParameterList(lambda: false);
        }
        else
        {
            Error("expected '('");
            parameters = Done(new ParameterListSyntax([], false), pos);
        }

        var returns = Accept(TokenKind.Arrow) ? ParseExpression() : null;
        var body = ParseColonAndBlock();
        if (name < 0)
        {
            // Without a name it is not a function; keep what was parsed so nested code is still seen.
            return Done(new ErrorStatementSyntax(Nodes(decorators, typeParameters, parameters, returns, body)), start);
        }

        return Done(new FunctionDefinitionSyntax(decorators, asyncKeyword, defKeyword, name, typeParameters, parameters, returns, body), start);
    }

    private StatementSyntax ParseClassDefinition(int start, DecoratorSyntax[] decorators)
    {
        int classKeyword = Advance();
        int name = Expect(TokenKind.Name, "a class name");
        var typeParameters = Kind == TokenKind.LeftBracket ? ParseTypeParameterList() : null;
        var arguments = Kind == TokenKind.LeftParen ? ParseArgumentList(allowGenerator: false) : null;
        var body = ParseColonAndBlock();
        if (name < 0)
        {
            return Done(new ErrorStatementSyntax(Nodes(decorators, typeParameters, arguments, null, body)), start);
        }

        return Done(new ClassDefinitionSyntax(decorators, classKeyword, name, typeParameters, arguments, body), start);
    }

    private static SyntaxNode[] Nodes(SyntaxNode[] first, params ReadOnlySpan<SyntaxNode?> rest)
    {
        var list = new List<SyntaxNode>(first);
        foreach (var node in rest)
        {
            if (node is not null)
            {
                list.Add(node);
            }
        }

        return [.. list];
    }

    private IfStatementSyntax ParseIf()
    {
        int start = pos;
        Advance();
        var test = ParseNamedExpression();
        var body = ParseColonAndBlock();
        int mark = scratch.Count;
        while (Kind == TokenKind.ElifKeyword && !aborted)
        {
            statementHasError = false;
            int clauseStart = pos;
            Advance();
            var clauseTest = ParseNamedExpression();
            var clauseBody = ParseColonAndBlock();
            scratch.Add(Done(new ElifClauseSyntax(clauseTest, clauseBody), clauseStart));
        }

        var elifs = PopArray<ElifClauseSyntax>(mark);
        return Done(new IfStatementSyntax(test, body, elifs, ParseElse()), start);
    }

    private ElseClauseSyntax? ParseElse()
    {
        if (Kind != TokenKind.ElseKeyword || aborted)
        {
            return null;
        }

        statementHasError = false;
        int start = pos;
        Advance();
        return Done(new ElseClauseSyntax(ParseColonAndBlock()), start);
    }

    private WhileStatementSyntax ParseWhile()
    {
        int start = pos;
        Advance();
        var test = ParseNamedExpression();
        var body = ParseColonAndBlock();
        return Done(new WhileStatementSyntax(test, body, ParseElse()), start);
    }

    private ForStatementSyntax ParseFor(int start)
    {
        int asyncKeyword = Kind == TokenKind.AsyncKeyword ? Advance() : -1;
        Advance();
        var target = ParseTargetList();
        ValidateTarget(target, deleting: false);
        Expect(TokenKind.InKeyword, "'in'");
        var iterable = ParseStarExpressions();
        var body = ParseColonAndBlock();
        return Done(new ForStatementSyntax(asyncKeyword, target, iterable, body, ParseElse()), start);
    }

    private WithStatementSyntax ParseWith(int start)
    {
        int asyncKeyword = Kind == TokenKind.AsyncKeyword ? Advance() : -1;
        Advance();
        WithItemSyntax[] items = [];
        bool parenthesized = Kind == TokenKind.LeftParen && TryParseParenthesizedWithItems(out items);
        if (!parenthesized)
        {
            int mark = scratch.Count;
            do
            {
                scratch.Add(ParseWithItem());
            }
            while (Accept(TokenKind.Comma));

            items = PopArray<WithItemSyntax>(mark);
        }

        var body = ParseColonAndBlock();
        return Done(new WithStatementSyntax(asyncKeyword, items, body, parenthesized), start);
    }

    /// <summary>
    /// <c>with (a as b, c):</c> (3.9) against <c>with (a, b) as c:</c>: try the parenthesized item
    /// list first and fall back to an ordinary expression, as CPython's PEG parser does.
    /// </summary>
    private bool TryParseParenthesizedWithItems(out WithItemSyntax[] items)
    {
        items = [];
        int close = FindMatchingClose(pos);
        if (close < 0 || tokens[close + 1].Kind != TokenKind.Colon)
        {
            return false;
        }

        int save = pos;
        int mark = scratch.Count;
        bool outerFailed = speculationFailed;
        speculating++;
        speculationFailed = false;
        Advance();
        while (Kind != TokenKind.RightParen)
        {
            scratch.Add(ParseWithItem());
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        bool ok = !speculationFailed && pos == close && scratch.Count > mark;
        speculating--;
        speculationFailed = outerFailed;
        if (!ok)
        {
            pos = save;
            scratch.RemoveRange(mark, scratch.Count - mark);
            return false;
        }

        Advance();
        items = PopArray<WithItemSyntax>(mark);
        return true;
    }

    private int FindMatchingClose(int open)
    {
        int level = 0;
        for (int i = open; i < last; i++)
        {
            switch (tokens[i].Kind)
            {
                case TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace:
                    level++;
                    break;
                case TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace:
                    if (--level == 0)
                    {
                        return i;
                    }

                    break;
                case TokenKind.Newline:
                    return -1;
            }
        }

        return -1;
    }

    private WithItemSyntax ParseWithItem()
    {
        int start = pos;
        var expression = ParseExpression();
        ExpressionSyntax? target = null;
        if (Accept(TokenKind.AsKeyword))
        {
            target = ParseTargetElement();
            ValidateTarget(target, deleting: false);
            if (Kind is not (TokenKind.Comma or TokenKind.RightParen or TokenKind.Colon))
            {
                Error("invalid syntax");
            }
        }

        return Done(new WithItemSyntax(expression, target), start);
    }

    private TryStatementSyntax ParseTry()
    {
        int start = pos;
        Advance();
        var body = ParseColonAndBlock();
        int mark = scratch.Count;
        bool sawPlain = false, sawStar = false;
        while (Kind == TokenKind.ExceptKeyword && !aborted)
        {
            statementHasError = false;
            int clauseStart = pos;
            Advance();
            bool star = Accept(TokenKind.Star);
            ExpressionSyntax? type = null;
            int name = -1;
            if (CanStartExpression(Kind))
            {
                type = ParseExpression();
                if (Kind == TokenKind.Comma)
                {
                    Error("multiple exception types must be parenthesized");
                    SkipUntil(TokenKind.Colon);
                }
                else if (Accept(TokenKind.AsKeyword))
                {
                    name = Expect(TokenKind.Name, "a name after 'as'");
                }
            }
            else if (star)
            {
                Error("expected one or more exception types");
            }

            if ((star && sawPlain) || (!star && sawStar))
            {
                ErrorAt(tokens[clauseStart].Start, "cannot have both 'except' and 'except*' on the same 'try'");
            }

            sawPlain |= !star;
            sawStar |= star;
            var clauseBody = ParseColonAndBlock();
            scratch.Add(Done(new ExceptClauseSyntax(type, name, clauseBody, star), clauseStart));
        }

        var handlers = PopArray<ExceptClauseSyntax>(mark);
        var elseClause = handlers.Length > 0 ? ParseElse() : null;
        FinallyClauseSyntax? finallyClause = null;
        if (Kind == TokenKind.FinallyKeyword)
        {
            statementHasError = false;
            int clauseStart = pos;
            Advance();
            finallyClause = Done(new FinallyClauseSyntax(ParseColonAndBlock()), clauseStart);
        }
        else if (handlers.Length == 0)
        {
            Error("expected 'except' or 'finally' block");
        }

        return Done(new TryStatementSyntax(body, handlers, elseClause, finallyClause), start);
    }
}
