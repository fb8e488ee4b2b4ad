using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// <c>(arguments)</c> with CPython's ordering rules: positional before keyword, <c>*</c> not after
    /// <c>**</c>, and a bare generator expression only as the sole argument.
    /// </summary>
    private ArgumentListSyntax ParseArgumentList(bool allowGenerator)
    {
        int start = pos;
        Advance();
        int mark = scratch.Count;
        bool seenKeyword = false, seenDoubleStar = false;
        while (Kind != TokenKind.RightParen && !aborted)
        {
            int argumentStart = pos;
            ArgumentSyntax argument;
            if (Kind == TokenKind.Star)
            {
                Advance();
                argument = Done(new ArgumentSyntax(-1, ParseExpression(), ArgumentKind.Unpacked), argumentStart);
                if (seenDoubleStar)
                {
                    ErrorAt(tokens[argumentStart].Start, "iterable argument unpacking follows keyword argument unpacking");
                }
            }
            else if (Kind == TokenKind.DoubleStar)
            {
                Advance();
                argument = Done(new ArgumentSyntax(-1, ParseExpression(), ArgumentKind.DictionaryUnpacked), argumentStart);
                seenDoubleStar = true;
            }
            else if (Kind == TokenKind.Name && Peek(1) == TokenKind.Equal)
            {
                int name = Advance();
                Advance();
                argument = Done(new ArgumentSyntax(name, ParseExpression(), ArgumentKind.Keyword), argumentStart);
                seenKeyword = true;
            }
            else if (CanStartExpression(Kind))
            {
                ExpressionSyntax value = ParseNamedExpression();
                if (AtComprehension())
                {
                    var clauses = ParseComprehensionClauses();
                    value = Done(new ComprehensionSyntax(SyntaxKind.GeneratorExpression, value, clauses, false), argumentStart);
                    bool sole = scratch.Count == mark && Kind == TokenKind.RightParen;
                    if (!allowGenerator)
                    {
                        ErrorAt(tokens[argumentStart].Start, "invalid syntax");
                    }
                    else if (!sole)
                    {
                        ErrorAt(tokens[argumentStart].Start, "Generator expression must be parenthesized");
                    }
                }
                else if (Kind == TokenKind.Equal)
                {
                    Error("expression cannot contain assignment, perhaps you meant \"==\"?");
                    Advance();
                    ParseExpression();
                }

                if (seenDoubleStar)
                {
                    ErrorAt(tokens[argumentStart].Start, "positional argument follows keyword argument unpacking");
                }
                else if (seenKeyword)
                {
                    ErrorAt(tokens[argumentStart].Start, "positional argument follows keyword argument");
                }

                argument = Done(new ArgumentSyntax(-1, value, ArgumentKind.Positional), argumentStart);
            }
            else
            {
                Error("invalid syntax");
                break;
            }

            scratch.Add(argument);
            if (!Accept(TokenKind.Comma))
            {
                break;
            }
        }

        CloseBracket(TokenKind.RightParen, "')'");
        return Done(new ArgumentListSyntax(PopArray<ArgumentSyntax>(mark)), start);
    }
}
