using System.Runtime.CompilerServices;
using SweLego.Python.Lexing;
using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Python.Parsing;

/// <summary>
/// Recursive-descent parser for the Python 3.8–3.13 grammar over the token array. It reports at
/// most one diagnostic per statement, resynchronizes at the end of the logical line, and never
/// throws: deep nesting stops at a recursion limit with a diagnostic instead of a stack overflow.
/// </summary>
internal sealed partial class Parser
{
    private const int MaxDepth = 3000;

    private readonly ParsedModule module;
    private readonly Token[] tokens;
    private readonly int last;
    private readonly byte[] src;
    private readonly DiagnosticBag diagnostics;

    // One shared stack for building child arrays: a list starts at a mark and is popped into an
    // exact-size array, so nested lists need no per-list allocation.
    private readonly List<SyntaxNode> scratch = new(256);
    private readonly List<int> tokenScratch = new(64);

    private int pos;
    private int depth;
    private bool aborted;
    private bool statementHasError;
    private int speculating;
    private bool speculationFailed;

    private Parser(ParsedModule module, DiagnosticBag diagnostics)
    {
        this.module = module;
        tokens = module.TokenArray;
        last = module.TokenCount - 1;
        src = module.Text.Buffer;
        this.diagnostics = diagnostics;
    }

    public static ModuleSyntax Parse(ParsedModule module, DiagnosticBag diagnostics) =>
        new Parser(module, diagnostics).ParseModule();

    private TokenKind Kind => tokens[pos].Kind;

    private TokenKind Peek(int k) => tokens[Math.Min(pos + k, last)].Kind;

    private int Advance()
    {
        int index = pos;
        if (pos < last)
        {
            pos++;
        }

        return index;
    }

    private bool Accept(TokenKind kind)
    {
        if (tokens[pos].Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private int Expect(TokenKind kind, string what)
    {
        if (tokens[pos].Kind == kind)
        {
            return Advance();
        }

        Error($"expected {what}");
        return -1;
    }

    private T Done<T>(T node, int start)
        where T : SyntaxNode
    {
        node.Complete(module, start, pos);
        return node;
    }

    private T[] PopArray<T>(int mark)
        where T : SyntaxNode
    {
        int n = scratch.Count - mark;
        if (n == 0)
        {
            return [];
        }

        var result = new T[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = (T)scratch[mark + i];
        }

        scratch.RemoveRange(mark, n);
        return result;
    }

    private int[] PopTokens(int mark)
    {
        int n = tokenScratch.Count - mark;
        var result = new int[n];
        tokenScratch.CopyTo(mark, result, 0, n);
        tokenScratch.RemoveRange(mark, n);
        return result;
    }

    private bool TokenIs(int index, ReadOnlySpan<byte> word)
    {
        ref readonly Token token = ref tokens[index];
        return token.Kind == TokenKind.Name && src.AsSpan(token.Start, token.End - token.Start).SequenceEqual(word);
    }

    private bool IsSoftKeyword(ReadOnlySpan<byte> word) => TokenIs(pos, word);

    private void Error(string message)
    {
        if (tokens[pos].Kind == TokenKind.Error)
        {
            // The tokenizer already explained this token.
            if (speculating > 0)
            {
                speculationFailed = true;
            }

            statementHasError = true;
            return;
        }

        ErrorAt(tokens[pos].Start, message);
    }

    private void ErrorAt(int offset, string message)
    {
        if (speculating > 0)
        {
            speculationFailed = true;
            return;
        }

        if (statementHasError)
        {
            return;
        }

        statementHasError = true;
        diagnostics.Add(offset, message);
    }

    private bool Enter()
    {
        if (aborted)
        {
            return false;
        }

        if (++depth > MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            depth--;
            aborted = true;
            speculationFailed = true;
            diagnostics.Add(tokens[pos].Start, "too many nested expressions or blocks");
            return false;
        }

        return true;
    }

    private void Exit() => depth--;

    private void SkipToEndOfLine()
    {
        while (Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
        {
            Advance();
        }
    }

    /// <summary>Skips to <paramref name="stop"/> at the current bracket level, not past the end of the line.</summary>
    private void SkipUntil(TokenKind stop)
    {
        int level = 0;
        while (Kind is not (TokenKind.Newline or TokenKind.EndOfFile))
        {
            TokenKind kind = Kind;
            if (level == 0 && kind == stop)
            {
                return;
            }

            if (kind is TokenKind.LeftParen or TokenKind.LeftBracket or TokenKind.LeftBrace)
            {
                level++;
            }
            else if (kind is TokenKind.RightParen or TokenKind.RightBracket or TokenKind.RightBrace)
            {
                if (level == 0)
                {
                    return;
                }

                level--;
            }

            Advance();
        }
    }

    private ErrorExpressionSyntax MissingExpression(string message)
    {
        Error(message);
        return Done(new ErrorExpressionSyntax([]), pos);
    }

    private static bool CanStartExpression(TokenKind kind) => kind is TokenKind.Name or TokenKind.NumberLiteral
        or TokenKind.StringLiteral or TokenKind.FStringStart or TokenKind.LeftParen or TokenKind.LeftBracket
        or TokenKind.LeftBrace or TokenKind.Minus or TokenKind.Plus or TokenKind.Tilde or TokenKind.NotKeyword
        or TokenKind.LambdaKeyword or TokenKind.AwaitKeyword or TokenKind.NoneKeyword or TokenKind.TrueKeyword
        or TokenKind.FalseKeyword or TokenKind.Ellipsis;

    private static bool CanStartStarExpression(TokenKind kind) => kind == TokenKind.Star || CanStartExpression(kind);

    private ModuleSyntax ParseModule()
    {
        int mark = scratch.Count;
        while (Kind != TokenKind.EndOfFile && !aborted)
        {
            scratch.Add(ParseStatement());
        }

        var node = new ModuleSyntax(PopArray<StatementSyntax>(mark));
        pos = last;
        node.Complete(module, 0, last + 1);
        return node;
    }
}
