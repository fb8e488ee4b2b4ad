using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Python.Lexing;

/// <summary>
/// The Python 3.12+ tokenizer (PEP 701 f-strings) over UTF-8 bytes. It never throws on bad input:
/// problems become diagnostics plus <see cref="TokenKind.Error"/> tokens, and every byte of the
/// text ends up either in a token or in the trivia between two tokens.
/// </summary>
internal sealed partial class Tokenizer
{
    private const int TabSize = 8;
    private const int MaxIndentLevels = 100;
    private const int MaxNesting = 200;

    private readonly SourceText text;
    private readonly byte[] src;
    private readonly int end;
    private readonly DiagnosticBag diagnostics;

    private readonly int[] indents = new int[MaxIndentLevels + 1];
    private readonly int[] altIndents = new int[MaxIndentLevels + 1];
    private int indentLevel;

    private byte[] bracketChars = new byte[16];
    private int[] bracketOffsets = new int[16];
    private int depth;
    private bool reportedNesting;

    private Token[] tokens;
    private int count;
    private int pos;

    private bool atLineStart = true;
    private bool lineHasTokens;
    private bool firstOnPhysicalLine = true;

    private Tokenizer(SourceText text, DiagnosticBag diagnostics)
    {
        this.text = text;
        src = text.Buffer;
        end = src.Length;
        this.diagnostics = diagnostics;
        tokens = new Token[Math.Max(64, end / 3)];
    }

    public static Token[] Tokenize(SourceText text, DiagnosticBag diagnostics, out int count)
    {
        var tokenizer = new Tokenizer(text, diagnostics);
        tokenizer.Run();
        count = tokenizer.count;
        return tokenizer.tokens;
    }

    private void Run()
    {
        while (true)
        {
            if (frameCount > 0 && frames[frameCount - 1].Kind != FrameKind.Field)
            {
                ScanFStringText();
                continue;
            }

            if (atLineStart)
            {
                atLineStart = false;
                if (depth == 0 && frameCount == 0 && SkipBlankLineOrIndent())
                {
                    atLineStart = true;
                    continue;
                }
            }

            if (!SkipTrivia())
            {
                continue;
            }

            if (pos >= end)
            {
                FinishAtEndOfFile();
                return;
            }

            byte c = src[pos];
            if (c == '\n' || c == '\r')
            {
                ScanNewline();
            }
            else
            {
                ScanToken(c);
            }
        }
    }

    private int LastTokenEnd => count > 0 ? tokens[count - 1].End : 0;

    private int At(int p) => p < end ? src[p] : -1;

    private void Emit(TokenKind kind, int start, int stop)
    {
        if (count == tokens.Length)
        {
            Array.Resize(ref tokens, tokens.Length * 2);
        }

        tokens[count++] = new Token(kind, start, stop);
    }

    private void EmitToken(TokenKind kind, int start, int stop)
    {
        Emit(kind, start, stop);
        lineHasTokens = true;
        firstOnPhysicalLine = false;
    }

    // INDENT/DEDENT/implicit NEWLINE sit right after the previous token, so blank lines and
    // comments before a statement become that statement's leading trivia.
    private void EmitZeroWidth(TokenKind kind)
    {
        int at = LastTokenEnd;
        Emit(kind, at, at);
    }

    private int SkipNewlineChars(int p) =>
        src[p] == '\r' && p + 1 < end && src[p + 1] == '\n' ? p + 2 : p + 1;

    private int IndexOfNewline(int p)
    {
        int index = src.AsSpan(p, end - p).IndexOfAny((byte)'\n', (byte)'\r');
        return index < 0 ? -1 : p + index;
    }

    private int LineAt(int offset) => text.GetLocation(offset).Line;

    /// <summary>Skips spaces, comments and line continuations; false when it emitted an error token.</summary>
    private bool SkipTrivia()
    {
        while (pos < end)
        {
            byte b = src[pos];
            if (b == ' ' || b == '\t' || b == '\f')
            {
                pos++;
            }
            else if (b == '#')
            {
                int newline = IndexOfNewline(pos);
                pos = newline < 0 ? end : newline;
            }
            else if (b == '\\')
            {
                int next = At(pos + 1);
                if (next == '\n' || next == '\r')
                {
                    pos = SkipNewlineChars(pos + 1);
                    firstOnPhysicalLine = false;
                    if (pos >= end)
                    {
                        diagnostics.Add(pos, "unexpected EOF while parsing");
                    }
                }
                else if (next < 0)
                {
                    diagnostics.Add(pos, "unexpected EOF while parsing");
                    pos++;
                }
                else
                {
                    diagnostics.Add(pos, "unexpected character after line continuation character");
                    EmitToken(TokenKind.Error, pos, pos + 1);
                    pos++;
                    return false;
                }
            }
            else
            {
                break;
            }
        }

        return true;
    }

    private void ScanNewline()
    {
        int start = pos;
        pos = SkipNewlineChars(pos);
        firstOnPhysicalLine = true;
        if (depth > 0 || frameCount > 0)
        {
            return;
        }

        if (lineHasTokens)
        {
            Emit(TokenKind.Newline, start, pos);
            lineHasTokens = false;
        }

        atLineStart = true;
    }

    private void FinishAtEndOfFile()
    {
        if (frameCount > 0)
        {
            diagnostics.Add(frames[0].Start, frames[frameCount - 1].Kind == FrameKind.Field
                ? "f-string: expecting '}'"
                : "unterminated f-string literal");
            frameCount = 0;
        }

        if (depth > 0)
        {
            diagnostics.Add(bracketOffsets[depth - 1], $"'{(char)bracketChars[depth - 1]}' was never closed");
            depth = 0;
        }

        if (lineHasTokens)
        {
            Emit(TokenKind.Newline, end, end);
            lineHasTokens = false;
        }

        while (indentLevel > 0)
        {
            indentLevel--;
            EmitZeroWidth(TokenKind.Dedent);
        }

        Emit(TokenKind.EndOfFile, end, end);
    }

    private void ScanToken(byte c)
    {
        int start = pos;
        if (c < 0x80)
        {
            if (CharClass.IsIdentifierStart(c))
            {
                ScanIdentifierOrString(start);
            }
            else if (CharClass.IsDigit(c) || (c == '.' && CharClass.IsDigit(At(start + 1))))
            {
                ScanNumber(start);
            }
            else if (c == '"' || c == '\'')
            {
                ScanString(start, start, default);
            }
            else
            {
                ScanOperator(c, start);
            }
        }
        else
        {
            ScanIdentifierOrString(start);
        }
    }

    private void OpenBracket(byte c, int start, TokenKind kind)
    {
        if (depth >= MaxNesting && !reportedNesting)
        {
            diagnostics.Add(start, "too many nested parentheses");
            reportedNesting = true;
        }

        if (depth == bracketChars.Length)
        {
            Array.Resize(ref bracketChars, depth * 2);
            Array.Resize(ref bracketOffsets, depth * 2);
        }

        bracketChars[depth] = c;
        bracketOffsets[depth] = start;
        depth++;
        EmitToken(kind, start, start + 1);
        pos = start + 1;
    }

    private void CloseBracket(byte c, int start, TokenKind kind)
    {
        pos = start + 1;
        bool inField = frameCount > 0;
        int floor = inField ? frames[frameCount - 1].FieldDepth : 0;
        if (inField && c == '}' && depth == floor)
        {
            EmitToken(TokenKind.RightBrace, start, pos);
            frameCount--;
            return;
        }

        if (depth == floor)
        {
            diagnostics.Add(start, $"unmatched '{(char)c}'");
            EmitToken(TokenKind.Error, start, pos);
            return;
        }

        byte open = bracketChars[depth - 1];
        bool matches = (open == '(' && c == ')') || (open == '[' && c == ']') || (open == '{' && c == '}');
        if (!matches)
        {
            diagnostics.Add(start, $"closing parenthesis '{(char)c}' does not match opening parenthesis '{(char)open}'");
        }

        depth--;
        EmitToken(kind, start, pos);
    }
}
