using System.Buffers;
using System.Text;
using SweLego.Python.Syntax;

namespace SweLego.Python.Lexing;

internal sealed partial class Tokenizer
{
    private void ScanOperator(byte c, int start)
    {
        int n1 = At(start + 1);
        int n2 = At(start + 2);
        TokenKind kind;
        int length = 1;
        switch (c)
        {
            case (byte)'(':
                OpenBracket(c, start, TokenKind.LeftParen);
                return;
            case (byte)'[':
                OpenBracket(c, start, TokenKind.LeftBracket);
                return;
            case (byte)'{':
                OpenBracket(c, start, TokenKind.LeftBrace);
                return;
            case (byte)')':
                CloseBracket(c, start, TokenKind.RightParen);
                return;
            case (byte)']':
                CloseBracket(c, start, TokenKind.RightBracket);
                return;
            case (byte)'}':
                CloseBracket(c, start, TokenKind.RightBrace);
                return;
            case (byte)':':
                if (frameCount > 0 && depth == frames[frameCount - 1].FieldDepth)
                {
                    // At the top of a replacement field a colon always starts the format spec,
                    // even when '=' follows (f'{x:=10}').
                    EmitToken(TokenKind.Colon, start, start + 1);
                    pos = start + 1;
                    PushFrame(FrameKind.FormatSpec, frames[frameCount - 1]);
                    return;
                }

                (kind, length) = n1 == '=' ? (TokenKind.ColonEqual, 2) : (TokenKind.Colon, 1);
                break;
            case (byte)',':
                kind = TokenKind.Comma;
                break;
            case (byte)';':
                kind = TokenKind.Semicolon;
                break;
            case (byte)'+':
                (kind, length) = n1 == '=' ? (TokenKind.PlusEqual, 2) : (TokenKind.Plus, 1);
                break;
            case (byte)'-':
                (kind, length) = n1 switch
                {
                    '=' => (TokenKind.MinusEqual, 2),
                    '>' => (TokenKind.Arrow, 2),
                    _ => (TokenKind.Minus, 1),
                };
                break;
            case (byte)'*':
                (kind, length) = n1 switch
                {
                    '*' => n2 == '=' ? (TokenKind.DoubleStarEqual, 3) : (TokenKind.DoubleStar, 2),
                    '=' => (TokenKind.StarEqual, 2),
                    _ => (TokenKind.Star, 1),
                };
                break;
            case (byte)'/':
                (kind, length) = n1 switch
                {
                    '/' => n2 == '=' ? (TokenKind.DoubleSlashEqual, 3) : (TokenKind.DoubleSlash, 2),
                    '=' => (TokenKind.SlashEqual, 2),
                    _ => (TokenKind.Slash, 1),
                };
                break;
            case (byte)'<':
                (kind, length) = n1 switch
                {
                    '<' => n2 == '=' ? (TokenKind.LeftShiftEqual, 3) : (TokenKind.LeftShift, 2),
                    '=' => (TokenKind.LessEqual, 2),
                    _ => (TokenKind.Less, 1),
                };
                break;
            case (byte)'>':
                (kind, length) = n1 switch
                {
                    '>' => n2 == '=' ? (TokenKind.RightShiftEqual, 3) : (TokenKind.RightShift, 2),
                    '=' => (TokenKind.GreaterEqual, 2),
                    _ => (TokenKind.Greater, 1),
                };
                break;
            case (byte)'|':
                (kind, length) = n1 == '=' ? (TokenKind.VerticalBarEqual, 2) : (TokenKind.VerticalBar, 1);
                break;
            case (byte)'&':
                (kind, length) = n1 == '=' ? (TokenKind.AmpersandEqual, 2) : (TokenKind.Ampersand, 1);
                break;
            case (byte)'^':
                (kind, length) = n1 == '=' ? (TokenKind.CircumflexEqual, 2) : (TokenKind.Circumflex, 1);
                break;
            case (byte)'%':
                (kind, length) = n1 == '=' ? (TokenKind.PercentEqual, 2) : (TokenKind.Percent, 1);
                break;
            case (byte)'@':
                (kind, length) = n1 == '=' ? (TokenKind.AtEqual, 2) : (TokenKind.At, 1);
                break;
            case (byte)'=':
                (kind, length) = n1 == '=' ? (TokenKind.EqualEqual, 2) : (TokenKind.Equal, 1);
                break;
            case (byte)'!':
                (kind, length) = n1 == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Exclamation, 1);
                break;
            case (byte)'~':
                kind = TokenKind.Tilde;
                break;
            case (byte)'.':
                (kind, length) = n1 == '.' && n2 == '.' ? (TokenKind.Ellipsis, 3) : (TokenKind.Dot, 1);
                break;
            default:
                InvalidCharacter(start);
                return;
        }

        EmitToken(kind, start, start + length);
        pos = start + length;
    }

    private void InvalidCharacter(int start)
    {
        byte b = src[start];
        int length = 1;
        string message;
        if (b == 0)
        {
            // SourceDecoder has reported it already.
            EmitToken(TokenKind.Error, start, start + 1);
            pos = start + 1;
            return;
        }

        if (b < 0x80)
        {
            message = b < 0x20 || b == 0x7F ? $"invalid non-printable character U+{b:X4}" : "invalid syntax";
        }
        else if (Rune.DecodeFromUtf8(src.AsSpan(start, end - start), out Rune rune, out int consumed) == OperationStatus.Done)
        {
            length = consumed;
            message = CharClass.IsPrintable(rune)
                ? $"invalid character '{rune}' (U+{rune.Value:X4})"
                : $"invalid non-printable character U+{rune.Value:X4}";
        }
        else
        {
            message = $"invalid utf-8 byte 0x{b:x2}";
        }

        diagnostics.Add(start, message);
        EmitToken(TokenKind.Error, start, start + length);
        pos = start + length;
    }

    private void ScanIdentifierOrString(int start)
    {
        int p = start;
        while (p < end)
        {
            byte b = src[p];
            if (b < 0x80)
            {
                if (!CharClass.IsIdentifierContinue(b))
                {
                    break;
                }

                p++;
            }
            else
            {
                if (Rune.DecodeFromUtf8(src.AsSpan(p, end - p), out Rune rune, out int consumed) != OperationStatus.Done
                    || !(p == start ? CharClass.IsXidStart(rune) : CharClass.IsXidContinue(rune)))
                {
                    break;
                }

                p += consumed;
            }
        }

        if (p == start)
        {
            InvalidCharacter(start);
            return;
        }

        if (p < end && (src[p] == '\'' || src[p] == '"') && p - start <= 2)
        {
            var prefix = StringPrefix.Parse(src.AsSpan(start, p - start));
            if (prefix.IsValid)
            {
                ScanString(start, p, prefix);
                return;
            }
        }

        TokenKind kind = p - start <= 8 ? Keywords.Classify(src.AsSpan(start, p - start)) : TokenKind.Name;
        if (firstOnPhysicalLine && (depth > 0 || frameCount > 0) && Keywords.StartsStatementOnly(kind))
        {
            RecoverUnclosed(start);
        }

        EmitToken(kind, start, p);
        pos = p;
    }
}
