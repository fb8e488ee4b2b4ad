using System.Globalization;
using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>Syntax helpers shared by the mutators: the function's own nodes, lines, regions and blocks.</summary>
internal static class MutatorSyntax
{
    /// <summary>
    /// Nodes of the function body in source order: not the docstring line, not nested functions or
    /// classes (nor their decorators).
    /// </summary>
    public static IEnumerable<SyntaxNode> BodyNodes(PythonFunction target)
    {
        var docstring = DocstringLine(target);
        return target.Syntax.Body.DescendantNodes(n => n is not (FunctionDefinitionSyntax or ClassDefinitionSyntax) && n != docstring)
            .Where(n => n is not (FunctionDefinitionSyntax or ClassDefinitionSyntax) && n != docstring);
    }

    public static IEnumerable<T> BodyNodes<T>(PythonFunction target)
        where T : SyntaxNode => BodyNodes(target).OfType<T>();

    /// <summary>The statement line holding the docstring, or null.</summary>
    public static SimpleStatementLineSyntax? DocstringLine(PythonFunction target)
    {
        var statements = target.Syntax.Body.Statements;
        return statements.Count > 0 && statements[0] is SimpleStatementLineSyntax line
            && line.Statements[0] is ExpressionStatementSyntax { Expression: StringLiteralSyntax }
            ? line
            : null;
    }

    /// <summary>Statements of a block other than a docstring line.</summary>
    public static int CodeStatementCount(BlockSyntax block, PythonFunction target)
    {
        var docstring = DocstringLine(target);
        return block.Statements.Count(s => s != docstring);
    }

    public static bool ContainsDefinition(SyntaxNode node) =>
        node.DescendantNodes().Any(n => n is FunctionDefinitionSyntax or ClassDefinitionSyntax);

    public static int Line(SyntaxNode node) => node.StartLocation.Line;

    public static int Line(SyntaxToken token) => token.Start.Line;

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The first token that is not NEWLINE/INDENT/DEDENT, or null.</summary>
    public static SyntaxToken? FirstSignificantToken(SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            if (IsSignificant(token))
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>The last token that is not NEWLINE/INDENT/DEDENT/end of file, or null.</summary>
    public static SyntaxToken? LastSignificantToken(SyntaxNode node)
    {
        SyntaxToken? last = null;
        foreach (var token in node.DescendantTokens())
        {
            if (IsSignificant(token))
            {
                last = token;
            }
        }

        return last;
    }

    /// <summary>
    /// The whole lines from the line of <paramref name="start"/> to the line break after
    /// <paramref name="end"/> (a trailing comment included), or null when code precedes
    /// <paramref name="start"/> on its line.
    /// </summary>
    public static TextSpan? WholeLines(ParsedModule module, int start, int end)
    {
        var text = module.Text;
        int lineStart = LineStart(module, start);
        if (text.Utf8[lineStart..start].IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\f') >= 0)
        {
            return null;
        }

        int line = text.GetLocation(end).Line;
        int lineEnd = line < text.LineCount ? text.GetOffset(new SourceLocation(line + 1, 0)) : text.Length;
        return new TextSpan(lineStart, Math.Max(lineEnd, end));
    }

    /// <summary>The whole lines of a statement or clause, from its first to its last significant token.</summary>
    public static TextSpan? WholeLines(SyntaxNode node)
    {
        var first = FirstSignificantToken(node);
        var last = LastSignificantToken(node);
        return first is null || last is null ? null : WholeLines(node.Module, first.Value.Span.Start, last.Value.Span.End);
    }

    public static int LineStart(ParsedModule module, int offset) =>
        module.Text.GetOffset(new SourceLocation(module.Text.GetLocation(offset).Line, 0));

    /// <summary>The indentation before <paramref name="offset"/> on its line.</summary>
    public static string Indentation(ParsedModule module, int offset) =>
        module.Text.GetText(new TextSpan(LineStart(module, offset), offset));

    /// <summary>
    /// The text of a block's statements: whole lines for an indented block, the statements alone for
    /// a body on the header's line. Null for an empty block.
    /// </summary>
    public static TextSpan? BodyRegion(BlockSyntax block)
    {
        if (block.Statements.Count == 0 || LastSignificantToken(block) is not { } last)
        {
            return null;
        }

        int start = block.Statements[0].Span.Start;
        return block.IsIndented ? WholeLines(block.Module, start, last.Span.End) : new TextSpan(start, last.Span.End);
    }

    /// <summary>The keyword token of a clause (<c>elif</c>, <c>else</c>, <c>except</c>...) owned by the node itself.</summary>
    public static SyntaxToken? Keyword(SyntaxNode node, TokenKind kind)
    {
        foreach (var token in node.ChildTokens())
        {
            if (token.Kind == kind)
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>True for expressions that bind tighter than any operator (need no parentheses when moved).</summary>
    public static bool IsAtom(ExpressionSyntax expression) => expression is NameExpressionSyntax or LiteralExpressionSyntax
        or StringLiteralSyntax or CallExpressionSyntax or AttributeExpressionSyntax or SubscriptExpressionSyntax
        or ParenthesizedExpressionSyntax or ListExpressionSyntax or DictExpressionSyntax or SetExpressionSyntax
        or ComprehensionSyntax
        || (expression is TupleExpressionSyntax && expression.Text.StartsWith('('));

    /// <summary>The expression's text, parenthesized unless it is an atom.</summary>
    public static string Operand(ExpressionSyntax expression) => IsAtom(expression) ? expression.Text : $"({expression.Text})";

    /// <summary>A decimal integer literal's value (no underscores, prefixes or leading zeros), or null.</summary>
    public static long? DecimalInteger(ExpressionSyntax expression)
    {
        if (expression.Kind != SyntaxKind.NumberLiteral)
        {
            return null;
        }

        string text = expression.Text;
        if (text.Length == 0 || text.Length > 15 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            return null;
        }

        return long.Parse(text, CultureInfo.InvariantCulture);
    }

    private static bool IsSignificant(SyntaxToken token) =>
        token.Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndOfFile);

    /// <summary>One line of at most 60 characters for descriptions.</summary>
    public static string Shorten(string text)
    {
        string flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));
        return flat.Length <= 60 ? flat : string.Concat(flat.AsSpan(0, 57), "...");
    }
}
