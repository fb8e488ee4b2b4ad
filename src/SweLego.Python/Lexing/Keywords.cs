using SweLego.Python.Syntax;

namespace SweLego.Python.Lexing;

/// <summary>Hard keyword lookup on raw identifier bytes, without allocating a string.</summary>
internal static class Keywords
{
    public static TokenKind Classify(ReadOnlySpan<byte> s)
    {
        switch (s.Length)
        {
            case 2:
                if (s.SequenceEqual("if"u8)) return TokenKind.IfKeyword;
                if (s.SequenceEqual("in"u8)) return TokenKind.InKeyword;
                if (s.SequenceEqual("is"u8)) return TokenKind.IsKeyword;
                if (s.SequenceEqual("or"u8)) return TokenKind.OrKeyword;
                if (s.SequenceEqual("as"u8)) return TokenKind.AsKeyword;
                break;
            case 3:
                if (s.SequenceEqual("def"u8)) return TokenKind.DefKeyword;
                if (s.SequenceEqual("for"u8)) return TokenKind.ForKeyword;
                if (s.SequenceEqual("not"u8)) return TokenKind.NotKeyword;
                if (s.SequenceEqual("and"u8)) return TokenKind.AndKeyword;
                if (s.SequenceEqual("del"u8)) return TokenKind.DelKeyword;
                if (s.SequenceEqual("try"u8)) return TokenKind.TryKeyword;
                break;
            case 4:
                if (s.SequenceEqual("None"u8)) return TokenKind.NoneKeyword;
                if (s.SequenceEqual("True"u8)) return TokenKind.TrueKeyword;
                if (s.SequenceEqual("else"u8)) return TokenKind.ElseKeyword;
                if (s.SequenceEqual("elif"u8)) return TokenKind.ElifKeyword;
                if (s.SequenceEqual("from"u8)) return TokenKind.FromKeyword;
                if (s.SequenceEqual("pass"u8)) return TokenKind.PassKeyword;
                if (s.SequenceEqual("with"u8)) return TokenKind.WithKeyword;
                break;
            case 5:
                if (s.SequenceEqual("False"u8)) return TokenKind.FalseKeyword;
                if (s.SequenceEqual("class"u8)) return TokenKind.ClassKeyword;
                if (s.SequenceEqual("while"u8)) return TokenKind.WhileKeyword;
                if (s.SequenceEqual("yield"u8)) return TokenKind.YieldKeyword;
                if (s.SequenceEqual("break"u8)) return TokenKind.BreakKeyword;
                if (s.SequenceEqual("raise"u8)) return TokenKind.RaiseKeyword;
                if (s.SequenceEqual("async"u8)) return TokenKind.AsyncKeyword;
                if (s.SequenceEqual("await"u8)) return TokenKind.AwaitKeyword;
                break;
            case 6:
                if (s.SequenceEqual("return"u8)) return TokenKind.ReturnKeyword;
                if (s.SequenceEqual("import"u8)) return TokenKind.ImportKeyword;
                if (s.SequenceEqual("lambda"u8)) return TokenKind.LambdaKeyword;
                if (s.SequenceEqual("except"u8)) return TokenKind.ExceptKeyword;
                if (s.SequenceEqual("global"u8)) return TokenKind.GlobalKeyword;
                if (s.SequenceEqual("assert"u8)) return TokenKind.AssertKeyword;
                break;
            case 7:
                if (s.SequenceEqual("finally"u8)) return TokenKind.FinallyKeyword;
                break;
            case 8:
                if (s.SequenceEqual("continue"u8)) return TokenKind.ContinueKeyword;
                if (s.SequenceEqual("nonlocal"u8)) return TokenKind.NonlocalKeyword;
                break;
        }

        return TokenKind.Name;
    }

    /// <summary>
    /// Keywords that only ever start a statement, so meeting one first on a physical line inside
    /// brackets means a bracket was left open (recovery, never triggered by valid code).
    /// </summary>
    public static bool StartsStatementOnly(TokenKind kind) => kind is TokenKind.DefKeyword or TokenKind.ClassKeyword
        or TokenKind.ReturnKeyword or TokenKind.ImportKeyword or TokenKind.WhileKeyword or TokenKind.WithKeyword
        or TokenKind.TryKeyword or TokenKind.ExceptKeyword or TokenKind.FinallyKeyword or TokenKind.RaiseKeyword
        or TokenKind.DelKeyword or TokenKind.PassKeyword or TokenKind.BreakKeyword or TokenKind.ContinueKeyword
        or TokenKind.GlobalKeyword or TokenKind.NonlocalKeyword or TokenKind.AssertKeyword or TokenKind.ElifKeyword;

    public static bool IsKeyword(TokenKind kind) => kind >= TokenKind.FalseKeyword;
}
