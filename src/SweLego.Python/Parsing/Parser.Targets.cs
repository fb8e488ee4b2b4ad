using SweLego.Python.Syntax;

namespace SweLego.Python.Parsing;

internal sealed partial class Parser
{
    /// <summary>Targets of <c>for</c> and comprehensions: parsed below comparisons so <c>in</c> ends them.</summary>
    private ExpressionSyntax ParseTargetList()
    {
        int start = pos;
        var first = ParseTargetElement();
        if (Kind != TokenKind.Comma)
        {
            return first;
        }

        int mark = scratch.Count;
        scratch.Add(first);
        while (Accept(TokenKind.Comma))
        {
            if (!CanStartStarExpression(Kind))
            {
                break;
            }

            scratch.Add(ParseTargetElement());
        }

        return Done(new TupleExpressionSyntax(PopArray<ExpressionSyntax>(mark), false), start);
    }

    private ExpressionSyntax ParseTargetElement() => Kind == TokenKind.Star ? ParseStarred() : ParseBitwiseOr();

    private void ValidateTarget(ExpressionSyntax target, bool deleting)
    {
        switch (target)
        {
            case NameExpressionSyntax or AttributeExpressionSyntax or SubscriptExpressionSyntax or ErrorExpressionSyntax:
                return;
            case ParenthesizedExpressionSyntax parenthesized:
                ValidateTarget(parenthesized.Expression, deleting);
                return;
            case TupleExpressionSyntax tuple:
                foreach (var element in tuple.Elements)
                {
                    ValidateTarget(element, deleting);
                }

                return;
            case ListExpressionSyntax list:
                foreach (var element in list.Elements)
                {
                    ValidateTarget(element, deleting);
                }

                return;
            case StarredExpressionSyntax starred when !deleting:
                ValidateTarget(starred.Value, deleting);
                return;
        }

        ErrorAt(TargetOffset(target), deleting ? $"cannot delete {Describe(target)}" : $"cannot assign to {Describe(target)}");
    }

    private void ValidateAugmentedTarget(ExpressionSyntax target)
    {
        var inner = target;
        while (inner is ParenthesizedExpressionSyntax parenthesized)
        {
            inner = parenthesized.Expression;
        }

        if (inner is NameExpressionSyntax or AttributeExpressionSyntax or SubscriptExpressionSyntax or ErrorExpressionSyntax)
        {
            return;
        }

        ErrorAt(TargetOffset(target), $"'{Describe(inner)}' is an illegal expression for augmented assignment");
    }

    private void ValidateAnnotatedTarget(ExpressionSyntax target)
    {
        var inner = target;
        while (inner is ParenthesizedExpressionSyntax parenthesized)
        {
            inner = parenthesized.Expression;
        }

        switch (inner)
        {
            case NameExpressionSyntax or AttributeExpressionSyntax or SubscriptExpressionSyntax or ErrorExpressionSyntax:
                return;
            case TupleExpressionSyntax or ListExpressionSyntax:
                ErrorAt(TargetOffset(target), "only single target (not tuple) can be annotated");
                return;
            default:
                ErrorAt(TargetOffset(target), "illegal target for annotation");
                return;
        }
    }

    private int TargetOffset(ExpressionSyntax target) => tokens[Math.Min(target.FirstToken, last)].Start;

    /// <summary>How CPython's error messages name an expression that cannot be a target.</summary>
    private static string Describe(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax { Kind: SyntaxKind.NoneLiteral } => "None",
        LiteralExpressionSyntax { Kind: SyntaxKind.TrueLiteral } => "True",
        LiteralExpressionSyntax { Kind: SyntaxKind.FalseLiteral } => "False",
        LiteralExpressionSyntax { Kind: SyntaxKind.EllipsisLiteral } => "ellipsis",
        LiteralExpressionSyntax or StringLiteralSyntax { HasFormatting: false } => "literal",
        StringLiteralSyntax => "f-string expression",
        CallExpressionSyntax => "function call",
        ComparisonExpressionSyntax => "comparison",
        LambdaExpressionSyntax => "lambda",
        ConditionalExpressionSyntax => "conditional expression",
        NamedExpressionSyntax => "named expression",
        AwaitExpressionSyntax => "await expression",
        YieldExpressionSyntax => "yield expression",
        DictExpressionSyntax => "dict literal",
        SetExpressionSyntax => "set display",
        ComprehensionSyntax { Kind: SyntaxKind.ListComprehension } => "list comprehension",
        ComprehensionSyntax { Kind: SyntaxKind.SetComprehension } => "set comprehension",
        ComprehensionSyntax { Kind: SyntaxKind.DictComprehension } => "dict comprehension",
        ComprehensionSyntax => "generator expression",
        StarredExpressionSyntax => "starred",
        TupleExpressionSyntax => "tuple",
        ListExpressionSyntax => "list",
        NameExpressionSyntax => "name",
        AttributeExpressionSyntax => "attribute",
        SubscriptExpressionSyntax => "subscript",
        _ => "expression",
    };
}
