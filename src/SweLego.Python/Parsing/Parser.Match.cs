using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary>
    /// <c>match</c> is a soft keyword: a statement starting with it is a match statement only when
    /// its logical line ends with the header colon (no simple statement can end with one).
    /// </summary>
    private bool IsMatchStatement()
    {
        if (!IsSoftKeyword("match"u8) || Peek(1) is TokenKind.Colon or TokenKind.Newline or TokenKind.Equal)
        {
            return false;
        }

        int i = pos + 1;
        while (i < last && tokens[i].Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
        {
            i++;
        }

        return tokens[i - 1].Kind == TokenKind.Colon && i - 1 > pos + 1;
    }

    private MatchStatementSyntax ParseMatch()
    {
        int start = pos;
        Advance();
        int subjectStart = pos;
        var subject = ParseStarNamedExpression();
        if (Kind == TokenKind.Comma)
        {
            int subjectMark = scratch.Count;
            scratch.Add(subject);
            while (Accept(TokenKind.Comma))
            {
                if (!CanStartStarExpression(Kind))
                {
                    break;
                }

                scratch.Add(ParseStarNamedExpression());
            }

            subject = Done(new TupleExpressionSyntax(PopArray<ExpressionSyntax>(subjectMark), false), subjectStart);
        }
        else if (subject is StarredExpressionSyntax)
        {
            ErrorAt(tokens[subjectStart].Start, "invalid syntax");
        }

        Expect(TokenKind.Colon, "':'");
        int mark = scratch.Count;
        if (Accept(TokenKind.Newline) && Accept(TokenKind.Indent))
        {
            while (Kind is not (TokenKind.Dedent or TokenKind.EndOfFile) && !aborted)
            {
                if (IsSoftKeyword("case"u8))
                {
                    scratch.Add(ParseCase());
                }
                else
                {
                    Error("expected 'case' block");
                    SkipLineAndIndentedBlock();
                }
            }

            Accept(TokenKind.Dedent);
        }
        else
        {
            Error("expected an indented block");
        }

        return Done(new MatchStatementSyntax(subject, PopArray<CaseClauseSyntax>(mark)), start);
    }

    private void SkipLineAndIndentedBlock()
    {
        SkipToEndOfLine();
        Accept(TokenKind.Newline);
        if (Kind != TokenKind.Indent)
        {
            return;
        }

        int level = 0;
        do
        {
            if (Kind == TokenKind.Indent)
            {
                level++;
            }
            else if (Kind == TokenKind.Dedent)
            {
                level--;
            }

            Advance();
        }
        while (level > 0 && Kind != TokenKind.EndOfFile);
    }

    private CaseClauseSyntax ParseCase()
    {
        statementHasError = false;
        int start = pos;
        Advance();
        var pattern = ParseOpenSequencePattern();
        var guard = Accept(TokenKind.IfKeyword) ? ParseNamedExpression() : null;
        var body = ParseColonAndBlock();
        return Done(new CaseClauseSyntax(pattern, guard, body), start);
    }
}
