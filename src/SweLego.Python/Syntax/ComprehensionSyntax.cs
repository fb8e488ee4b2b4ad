namespace SweLego.Python.Syntax;

/// <summary>A list, set or dict comprehension or a generator expression (see <see cref="SyntaxNode.Kind"/>). The element is an expression, or a <see cref="DictEntrySyntax"/> for dicts.</summary>
public sealed class ComprehensionSyntax : ExpressionSyntax
{
    internal ComprehensionSyntax(SyntaxKind kind, SyntaxNode element, ComprehensionClauseSyntax[] clauses, bool hasParentheses)
        : base(kind, ChildArray([element], clauses))
    {
        Element = element;
        Clauses = clauses;
        HasParentheses = hasParentheses;
    }

    public SyntaxNode Element { get; }

    public IReadOnlyList<ComprehensionClauseSyntax> Clauses { get; }

    public bool HasParentheses { get; }
}
