using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Python.Semantics;

/// <summary>
/// A function or class of a module: names, decorators, docstring and spans. <see cref="Range"/>
/// and <see cref="Span"/> follow CPython's <c>ast</c>: they start at <c>def</c>/<c>async</c>/<c>class</c>
/// (decorators excluded) and end after the last token of the body.
/// </summary>
public abstract class PythonDefinition
{
    private readonly List<PythonDefinition> children = [];

    private protected PythonDefinition(StatementSyntax syntax, string name, PythonDefinition? parent, BlockSyntax body,
        IReadOnlyList<DecoratorSyntax> decorators, SyntaxToken keyword)
    {
        Syntax = syntax;
        Name = name;
        Parent = parent;
        Body = body;
        Decorators = decorators;
        QualifiedName = parent switch
        {
            null => name,
            PythonFunction function => $"{function.QualifiedName}.<locals>.{name}",
            _ => $"{parent.QualifiedName}.{name}",
        };

        var text = syntax.Module.Text;
        int end = DefinitionEnd(syntax.Module, body, keyword.Span.End);
        Span = new TextSpan(keyword.Span.Start, end);
        FullSpan = new TextSpan(syntax.Span.Start, end);
        var start = text.GetLocation(Span.Start);
        var stop = text.GetLocation(end);
        Range = new SourceRange(start.Line, start.Column, stop.Line, stop.Column);
        BodySpan = body.Statements.Count > 0 ? new TextSpan(body.Statements[0].Span.Start, end) : new TextSpan(end, end);
        parent?.children.Add(this);
    }

    public abstract PythonDefinitionKind Kind { get; }

    public string Name { get; }

    /// <summary>Like <c>__qualname__</c>: <c>Outer.method</c>, <c>func.&lt;locals&gt;.inner</c>.</summary>
    public string QualifiedName { get; }

    /// <summary>The enclosing function or class, or null at module level.</summary>
    public PythonDefinition? Parent { get; }

    /// <summary>Functions and classes defined directly inside this one, in source order.</summary>
    public IReadOnlyList<PythonDefinition> Children => children;

    public StatementSyntax Syntax { get; }

    public BlockSyntax Body { get; }

    public IReadOnlyList<DecoratorSyntax> Decorators { get; }

    /// <summary>The decorator expressions as written (without <c>@</c>).</summary>
    public IReadOnlyList<string> DecoratorTexts => [.. Decorators.Select(d => d.Expression.Text)];

    /// <summary>CPython's line/column numbering of the definition (decorators excluded).</summary>
    public SourceRange Range { get; }

    /// <summary>Byte span of <see cref="Range"/>.</summary>
    public TextSpan Span { get; }

    /// <summary>From the first decorator (or the keyword) to the end of the body.</summary>
    public TextSpan FullSpan { get; }

    /// <summary>From the first body statement to the end of the body.</summary>
    public TextSpan BodySpan { get; }

    public int StartLine => Range.StartLine;

    public int EndLine => Range.EndLine;

    /// <summary>The docstring value (<c>ast.get_docstring(clean=False)</c>), or null.</summary>
    public string? Docstring => GetDocstring(Body);

    internal static string? GetDocstring(BlockSyntax body)
    {
        if (body.Statements.Count == 0 || body.Statements[0] is not SimpleStatementLineSyntax line
            || line.Statements[0] is not ExpressionStatementSyntax { Expression: StringLiteralSyntax literal })
        {
            return null;
        }

        return literal.IsBytes ? null : literal.Value;
    }

    /// <summary>
    /// Nodes of type <typeparamref name="T"/> in the parameters, return annotation and body, in
    /// source order. Nested functions and classes are yielded but not searched unless
    /// <paramref name="includeNested"/> is set, so each node belongs to one definition.
    /// </summary>
    public IEnumerable<T> FindAll<T>(bool includeNested = false)
        where T : SyntaxNode => SearchRoots().SelectMany(root => Search(root, includeNested)).OfType<T>();

    /// <summary>Nodes of one kind, searched like <see cref="FindAll{T}(bool)"/>.</summary>
    public IEnumerable<SyntaxNode> FindAll(SyntaxKind kind, bool includeNested = false) =>
        SearchRoots().SelectMany(root => Search(root, includeNested)).Where(n => n.Kind == kind);

    private protected abstract IEnumerable<SyntaxNode> SearchRoots();

    private static IEnumerable<SyntaxNode> Search(SyntaxNode root, bool includeNested)
    {
        yield return root;
        if (!includeNested && root is FunctionDefinitionSyntax or ClassDefinitionSyntax)
        {
            yield break;
        }

        foreach (var node in root.DescendantNodes(n => includeNested || n is not (FunctionDefinitionSyntax or ClassDefinitionSyntax)))
        {
            yield return node;
        }
    }

    public override string ToString() => $"{Kind} {QualifiedName} {Range}";

    // ast's end is CPython's last non-whitespace token of the rule: a trailing ';' counts, while
    // NEWLINE, INDENT, DEDENT and comments do not.
    private static int DefinitionEnd(ParsedModule module, BlockSyntax body, int fallback)
    {
        var tokens = module.TokenArray;
        for (int i = body.EndToken - 1; i >= body.FirstToken; i--)
        {
            if (tokens[i].Kind is not (TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndOfFile))
            {
                return tokens[i].End;
            }
        }

        return fallback;
    }
}
