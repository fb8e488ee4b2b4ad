using SweLego.Python.Syntax;

namespace SweLego.Python.Lexing;

internal sealed partial class Tokenizer
{
    /// <summary>
    /// At the start of a physical line outside brackets: consumes a blank or comment-only line
    /// (returns true) or applies the line's indentation, emitting INDENT/DEDENT (returns false).
    /// </summary>
    private bool SkipBlankLineOrIndent()
    {
        int col = 0, alt = 0, continuationCol = 0;
        int p = pos;
        while (p < end)
        {
            byte b = src[p];
            if (b == ' ')
            {
                col++;
                alt++;
                p++;
            }
            else if (b == '\t')
            {
                col = (col / TabSize + 1) * TabSize;
                alt++;
                p++;
            }
            else if (b == '\f')
            {
                col = alt = 0;
                p++;
            }
            else if (b == '\\' && p + 1 < end && (src[p + 1] == '\n' || src[p + 1] == '\r'))
            {
                // Indentation cannot be split over lines: the first backslash fixes the level.
                // Like CPython, 0 means "not fixed yet", so a backslash in column 0 fixes nothing.
                if (continuationCol == 0)
                {
                    continuationCol = col;
                }

                p = SkipNewlineChars(p + 1);
            }
            else
            {
                break;
            }
        }

        if (p >= end)
        {
            return false;
        }

        byte first = src[p];
        if (first == '#' || first == '\n' || first == '\r')
        {
            int newline = first == '#' ? IndexOfNewline(p) : p;
            pos = newline < 0 ? end : SkipNewlineChars(newline);
            return true;
        }

        if (continuationCol != 0)
        {
            col = alt = continuationCol;
        }

        ApplyIndentation(col, alt, p);
        return false;
    }

    private void ApplyIndentation(int col, int alt, int at)
    {
        int current = indents[indentLevel];
        if (col == current)
        {
            if (alt != altIndents[indentLevel])
            {
                diagnostics.Add(at, "inconsistent use of tabs and spaces in indentation");
            }
        }
        else if (col > current)
        {
            if (indentLevel + 1 > MaxIndentLevels)
            {
                diagnostics.Add(at, "too many levels of indentation");
                return;
            }

            if (alt <= altIndents[indentLevel])
            {
                diagnostics.Add(at, "inconsistent use of tabs and spaces in indentation");
            }

            indentLevel++;
            indents[indentLevel] = col;
            altIndents[indentLevel] = alt;
            EmitZeroWidth(TokenKind.Indent);
        }
        else
        {
            while (indentLevel > 0 && col < indents[indentLevel])
            {
                indentLevel--;
                EmitZeroWidth(TokenKind.Dedent);
            }

            if (col != indents[indentLevel])
            {
                diagnostics.Add(at, "unindent does not match any outer indentation level");
            }
            else if (alt != altIndents[indentLevel])
            {
                diagnostics.Add(at, "inconsistent use of tabs and spaces in indentation");
            }
        }
    }

    /// <summary>
    /// A statement-only keyword opened a physical line while a bracket or f-string was still open:
    /// report the unclosed opener and resume as if it had been closed, so later definitions parse.
    /// </summary>
    private void RecoverUnclosed(int tokenStart)
    {
        if (depth > 0)
        {
            diagnostics.Add(bracketOffsets[depth - 1], $"'{(char)bracketChars[depth - 1]}' was never closed");
        }
        else
        {
            diagnostics.Add(frames[0].Start, "unterminated f-string literal");
        }

        depth = 0;
        frameCount = 0;
        if (lineHasTokens)
        {
            EmitZeroWidth(TokenKind.Newline);
            lineHasTokens = false;
        }

        int lineStart = tokenStart;
        while (lineStart > 0 && src[lineStart - 1] is (byte)' ' or (byte)'\t' or (byte)'\f')
        {
            lineStart--;
        }

        int col = 0, alt = 0;
        for (int p = lineStart; p < tokenStart; p++)
        {
            switch (src[p])
            {
                case (byte)' ':
                    col++;
                    alt++;
                    break;
                case (byte)'\t':
                    col = (col / TabSize + 1) * TabSize;
                    alt++;
                    break;
                default:
                    col = alt = 0;
                    break;
            }
        }

        ApplyIndentation(col, alt, tokenStart);
    }
}
