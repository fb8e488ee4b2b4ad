namespace SweLego.Python.Syntax;

/// <summary>A comparison chain <c>a &lt; b &lt;= c</c> (like <c>ast.Compare</c>).</summary>
public sealed class ComparisonExpressionSyntax : ExpressionSyntax
{
    private readonly int[] operatorTokens;

    internal ComparisonExpressionSyntax(ExpressionSyntax left, ExpressionSyntax[] comparators, IReadOnlyList<ComparisonOperator> operators, int[] operatorTokens)
        : base(SyntaxKind.ComparisonExpression, ChildArray([left], comparators))
    {
        Left = left;
        Comparators = comparators;
        Operators = operators;
        this.operatorTokens = operatorTokens;
    }

    public ExpressionSyntax Left { get; }

    public IReadOnlyList<ExpressionSyntax> Comparators { get; }

    public IReadOnlyList<ComparisonOperator> Operators { get; }

    /// <summary>
    /// The first token of each operator (<c>not</c> of <c>not in</c>, <c>is</c> of <c>is not</c>);
    /// use <see cref="GetOperatorSpan"/> for the whole operator.
    /// </summary>
    public IReadOnlyList<SyntaxToken> OperatorTokens => TokensAt(operatorTokens);

    /// <summary>The span of operator <paramref name="index"/>, both tokens of <c>not in</c> and <c>is not</c>.</summary>
    public Text.TextSpan GetOperatorSpan(int index)
    {
        var first = OperatorTokens[index];
        bool twoTokens = Operators[index] is ComparisonOperator.NotIn or ComparisonOperator.IsNot;
        return new Text.TextSpan(first.Span.Start, twoTokens ? TokenAt(first.Index + 1).Span.End : first.Span.End);
    }
}
