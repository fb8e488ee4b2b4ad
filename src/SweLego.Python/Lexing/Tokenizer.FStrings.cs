using System.Buffers;
using SweLego.Python.Syntax;

namespace SweLego.Python.Lexing;

internal sealed partial class Tokenizer
{
    private static readonly SearchValues<byte> FStringSingleStops = SearchValues.Create("'{}\\\n\r"u8);
    private static readonly SearchValues<byte> FStringDoubleStops = SearchValues.Create("\"{}\\\n\r"u8);

    private FStringFrame[] frames = new FStringFrame[4];
    private int frameCount;

    private enum FrameKind : byte
    {
        /// <summary>Literal text of an f-string, up to a replacement field or the closing quote.</summary>
        Literal,

        /// <summary>The expression part of a replacement field: ordinary tokens.</summary>
        Field,

        /// <summary>Literal text of a format spec, up to a nested field or the closing brace.</summary>
        FormatSpec,
    }

    // PEP 701 tokenizer modes: one frame per open f-string, replacement field and format spec.
    private struct FStringFrame
    {
        public FrameKind Kind;
        public byte Quote;
        public bool Triple;
        public bool Raw;

        /// <summary>Bracket depth when the field's '{' was read; its '}' closes it at this depth.</summary>
        public int FieldDepth;

        /// <summary>Offset of the owning f-string's prefix, for diagnostics.</summary>
        public int Start;

        /// <summary>A format spec frame that already held a nested replacement field.</summary>
        public bool HadField;
    }

    private void PushFrame(FrameKind kind, FStringFrame from)
    {
        if (frameCount == frames.Length)
        {
            Array.Resize(ref frames, frameCount * 2);
        }

        from.Kind = kind;
        from.FieldDepth = depth;
        from.HadField = false;
        frames[frameCount++] = from;
    }

    /// <summary>Pops the frames of the innermost f-string, up to and including its literal frame.</summary>
    private void PopInnermostFString()
    {
        while (frameCount > 0)
        {
            frameCount--;
            if (frames[frameCount].Kind == FrameKind.Literal)
            {
                return;
            }
        }
    }

    private void EmitMiddle(int start, int stop)
    {
        if (stop > start)
        {
            EmitToken(TokenKind.FStringMiddle, start, stop);
        }
    }

    private void ScanFStringText()
    {
        FStringFrame frame = frames[frameCount - 1];
        bool spec = frame.Kind == FrameKind.FormatSpec;
        byte q = frame.Quote;
        SearchValues<byte> stops = q == '"' ? FStringDoubleStops : FStringSingleStops;
        int start = pos;
        int p = pos;
        while (true)
        {
            int index = src.AsSpan(p, end - p).IndexOfAny(stops);
            if (index < 0)
            {
                EmitMiddle(start, end);
                pos = end;
                diagnostics.Add(frame.Start, frame.Triple
                    ? $"unterminated triple-quoted f-string literal (detected at line {LineAt(end)})"
                    : $"unterminated f-string literal (detected at line {LineAt(end)})");
                PopInnermostFString();
                return;
            }

            p += index;
            byte b = src[p];
            if (b == q)
            {
                if (frame.Triple && !(p + 2 < end && src[p + 1] == q && src[p + 2] == q))
                {
                    p++;
                    continue;
                }

                EmitMiddle(start, p);
                pos = p;
                if (spec)
                {
                    // The closing quote inside a format spec: the field was never closed.
                    diagnostics.Add(p, "f-string: expecting '}'");
                    frameCount -= 2;
                    return;
                }

                int close = p + (frame.Triple ? 3 : 1);
                EmitToken(TokenKind.FStringEnd, p, close);
                pos = close;
                frameCount--;
                return;
            }

            if (b == '{')
            {
                if (!spec && At(p + 1) == '{')
                {
                    p += 2;
                    continue;
                }

                EmitMiddle(start, p);
                EmitToken(TokenKind.LeftBrace, p, p + 1);
                pos = p + 1;
                frames[frameCount - 1].HadField = true;
                PushFrame(FrameKind.Field, frame);
                return;
            }

            if (b == '}')
            {
                if (spec)
                {
                    // Ends the format spec; the field frame below then reads the '}' itself.
                    EmitMiddle(start, p);
                    pos = p;
                    frameCount--;
                    return;
                }

                if (At(p + 1) != '}')
                {
                    diagnostics.Add(p, "f-string: single '}' is not allowed");
                    p++;
                    continue;
                }

                p += 2;
                continue;
            }

            if (b == '\\')
            {
                int next = At(p + 1);
                if (next < 0)
                {
                    p = end;
                }
                else if (next is '{' or '}')
                {
                    // A backslash before a brace escapes nothing: the brace keeps its meaning.
                    p++;
                }
                else if (!frame.Raw && next == 'N' && At(p + 2) == '{')
                {
                    // \N{NAME}: the braces belong to the escape, not to a replacement field.
                    int close = src.AsSpan(p + 3, end - p - 3).IndexOfAny((byte)'}', q, (byte)'\n');
                    p = close >= 0 && src[p + 3 + close] == '}' ? p + 4 + close : p + 3;
                }
                else
                {
                    p = SkipNewlineChars(p + 1);
                }

                continue;
            }

            // A line break.
            if (frame.Triple)
            {
                p++;
                continue;
            }

            if (spec && !frame.HadField)
            {
                // CPython 3.12+: in a single-quoted f-string a line break ends the format spec and
                // the field continues in expression mode (f'{x:\n}' is valid, f'{x:a\nb}' is not).
                EmitMiddle(start, p);
                pos = p;
                frameCount--;
                return;
            }

            EmitMiddle(start, p);
            pos = p;
            diagnostics.Add(frame.Start, $"unterminated f-string literal (detected at line {LineAt(p)})");
            PopInnermostFString();
            return;
        }
    }
}
