namespace SweLego.Python.Syntax;

/// <summary><c>[async] for target in iterable</c> in a comprehension.</summary>
public sealed class ComprehensionForSyntax : ComprehensionClauseSyntax
{
    private readonly int asyncKeyword;

    internal ComprehensionForSyntax(int asyncKeyword, ExpressionSyntax target, ExpressionSyntax iterable)
        : base(SyntaxKind.ComprehensionFor, ChildArray(target, iterable))
    {
        this.asyncKeyword = asyncKeyword;
        Target = target;
        Iterable = iterable;
    }

    public SyntaxToken? AsyncKeyword => OptionalTokenAt(asyncKeyword);

    public ExpressionSyntax Target { get; }

    public ExpressionSyntax Iterable { get; }

    public bool IsAsync => AsyncKeyword is not null;
}
