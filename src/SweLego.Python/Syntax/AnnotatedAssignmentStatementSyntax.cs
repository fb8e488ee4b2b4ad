namespace SweLego.Python.Syntax;

/// <summary><c>target: annotation [= value]</c>.</summary>
public sealed class AnnotatedAssignmentStatementSyntax : StatementSyntax
{
    internal AnnotatedAssignmentStatementSyntax(ExpressionSyntax target, ExpressionSyntax annotation, ExpressionSyntax? value)
        : base(SyntaxKind.AnnotatedAssignmentStatement, Children(target, annotation, value))
    {
        Target = target;
        Annotation = annotation;
        Value = value;
    }

    public ExpressionSyntax Target { get; }

    public ExpressionSyntax Annotation { get; }

    public ExpressionSyntax? Value { get; }

    private static SyntaxNode[] Children(ExpressionSyntax target, ExpressionSyntax annotation, ExpressionSyntax? value)
    {
        var children = new SyntaxNode[2 + (value is null ? 0 : 1)];
        int i = 0;
        children[i++] = target;
        children[i++] = annotation;
        if (value is not null)
        {
            children[i++] = value;
        }
        return children;
    }
}
