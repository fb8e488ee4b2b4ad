namespace SweLego.Python.Syntax;

/// <summary><c>target: annotation [= value]</c>.</summary>
public sealed class AnnotatedAssignmentStatementSyntax : StatementSyntax
{
    internal AnnotatedAssignmentStatementSyntax(ExpressionSyntax target, ExpressionSyntax annotation, ExpressionSyntax? value)
        : base(SyntaxKind.AnnotatedAssignmentStatement, ChildArray(target, annotation, value))
    {
        Target = target;
        Annotation = annotation;
        Value = value;
    }

    public ExpressionSyntax Target { get; }

    public ExpressionSyntax Annotation { get; }

    public ExpressionSyntax? Value { get; }
}
