using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary>Adjacent string and f-string tokens: one literal (implicit concatenation).</summary>
    private StringLiteralSyntax ParseStrings()
    {
        int start = pos;
        int mark = scratch.Count;
        bool bytes = false, text = false;
        while (true)
        {
            if (Kind == TokenKind.StringLiteral)
            {
                int index = Advance();
                bool isBytes = StringLiterals.IsBytes(src, tokens[index]);
                bytes |= isBytes;
                text |= !isBytes;
                if (StringLiterals.Validate(src, tokens[index], out int errorOffset) is { } message)
                {
                    ErrorAt(errorOffset, message);
                }
            }
            else if (Kind == TokenKind.FStringStart)
            {
                text = true;
                scratch.Add(ParseFString());
            }
            else
            {
                break;
            }
        }

        if (bytes && text)
        {
            ErrorAt(tokens[start].Start, "cannot mix bytes and nonbytes literals");
        }

        return Done(new StringLiteralSyntax(PopArray<FStringSyntax>(mark)), start);
    }

    private FStringSyntax ParseFString()
    {
        int start = pos;
        Advance();
        int mark = scratch.Count;
        if (!Enter())
        {
            return Done(new FStringSyntax([]), start);
        }

        try
        {
            while (true)
            {
                if (Kind == TokenKind.FStringMiddle)
                {
                    CheckFStringText(Advance());
                }
                else if (Kind == TokenKind.LeftBrace && !aborted)
                {
                    scratch.Add(ParseReplacementField(0));
                }
                else
                {
                    if (!Accept(TokenKind.FStringEnd))
                    {
                        Error("f-string: expecting '}'");
                    }

                    break;
                }
            }

            return Done(new FStringSyntax(PopArray<FStringReplacementFieldSyntax>(mark)), start);
        }
        finally
        {
            Exit();
        }
    }

    /// <summary>A replacement field; <paramref name="nesting"/> counts enclosing format specs (CPython allows two).</summary>
    private FStringReplacementFieldSyntax ParseReplacementField(int nesting)
    {
        int start = pos;
        if (nesting > 2)
        {
            Error("f-string: expressions nested too deeply");
        }

        if (!Enter())
        {
            return Done(new FStringReplacementFieldSyntax(Done(new ErrorExpressionSyntax([]), start), -1, null, false), start);
        }

        try
        {
            return ParseReplacementFieldBody(start, nesting);
        }
        finally
        {
            Exit();
        }
    }

    private FStringReplacementFieldSyntax ParseReplacementFieldBody(int start, int nesting)
    {
        Advance();
        ExpressionSyntax expression;
        if (Kind is TokenKind.RightBrace or TokenKind.Exclamation or TokenKind.Colon or TokenKind.Equal)
        {
            expression = MissingExpression("f-string: valid expression required before '}'");
        }
        else
        {
            expression = Kind == TokenKind.YieldKeyword ? ParseYieldExpression() : ParseStarExpressions();
        }

        bool debug = Accept(TokenKind.Equal);
        int conversion = -1;
        if (Kind == TokenKind.Exclamation)
        {
            int bang = Advance();
            if (Kind == TokenKind.Name && tokens[pos].Start == tokens[bang].End)
            {
                conversion = Advance();
                var letter = src.AsSpan(tokens[conversion].Start, tokens[conversion].End - tokens[conversion].Start);
                if (!(letter.SequenceEqual("r"u8) || letter.SequenceEqual("s"u8) || letter.SequenceEqual("a"u8)))
                {
                    ErrorAt(tokens[conversion].Start, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
                }
            }
            else
            {
                Error("f-string: missing conversion character");
            }
        }

        FStringFormatSpecSyntax? spec = null;
        if (Kind == TokenKind.Colon)
        {
            int specStart = pos;
            Advance();
            int mark = scratch.Count;
            // After an abort a field returns without consuming its '{', so stop then.
            while (Kind is TokenKind.FStringMiddle or TokenKind.LeftBrace && !aborted)
            {
                if (Kind == TokenKind.FStringMiddle)
                {
                    CheckFStringText(Advance());
                }
                else
                {
                    scratch.Add(ParseReplacementField(nesting + 1));
                }
            }

            spec = Done(new FStringFormatSpecSyntax(PopArray<FStringReplacementFieldSyntax>(mark)), specStart);
        }

        if (!Accept(TokenKind.RightBrace))
        {
            Error("f-string: expecting '}'");
            while (Kind is not (TokenKind.RightBrace or TokenKind.FStringEnd or TokenKind.FStringMiddle
                or TokenKind.Newline or TokenKind.EndOfFile))
            {
                Advance();
            }

            Accept(TokenKind.RightBrace);
        }

        return Done(new FStringReplacementFieldSyntax(expression, conversion, spec, debug), start);
    }

    private void CheckFStringText(int index)
    {
        ref readonly var token = ref tokens[index];
        if (StringLiterals.InvalidUtf8(src.AsSpan(token.Start, token.End - token.Start), token.Start, out int offset) is { } message)
        {
            ErrorAt(offset, message);
        }
    }
}
