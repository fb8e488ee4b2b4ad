namespace SweLego.Python.Syntax;

/// <summary><c>return [value]</c>.</summary>
public sealed class ReturnStatementSyntax : StatementSyntax
{
    internal ReturnStatementSyntax(ExpressionSyntax? value)
        : base(SyntaxKind.ReturnStatement, ChildArray(value))
    {
        Value = value;
    }

    public ExpressionSyntax? Value { get; }
}
