using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.swap_operands</c>: the operands of a non-commutative binary operator (<c>-</c>, <c>/</c>,
/// <c>//</c>, <c>%</c>, <c>**</c>, <c>&lt;&lt;</c>, <c>&gt;&gt;</c>, <c>@</c>) or of a single ordering
/// comparison trade places. String formatting (<c>"%s" % x</c>) is skipped.
/// </summary>
public sealed class SwapOperandsMutator : IBugMutator
{
    public string Id => "py.swap_operands";

    public string Explanation => "Swaps the two operands of a non-commutative binary operator or of an ordering comparison.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var node in MutatorSyntax.BodyNodes(target))
        {
            ExpressionSyntax left, right;
            string op;
            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.Operator is TokenKind.Minus or TokenKind.Slash or TokenKind.DoubleSlash
                    or TokenKind.Percent or TokenKind.DoubleStar or TokenKind.LeftShift or TokenKind.RightShift or TokenKind.At
                    && binary.Left is not StringLiteralSyntax:
                    (left, right, op) = (binary.Left, binary.Right, binary.OperatorToken.Text);
                    break;
                case ComparisonExpressionSyntax { Operators: [ComparisonOperator.Less or ComparisonOperator.LessEqual
                    or ComparisonOperator.Greater or ComparisonOperator.GreaterEqual] } comparison:
                    (left, right, op) = (comparison.Left, comparison.Comparators[0], comparison.OperatorTokens[0].Text);
                    break;
                default:
                    continue;
            }

            if (left.Span.IsEmpty || right.Span.IsEmpty)
            {
                continue;
            }

            string newLeft = MutatorSyntax.Operand(right);
            string newRight = MutatorSyntax.Operand(left);
            string line = MutatorSyntax.Format(MutatorSyntax.Line(node));
            builder.Add($"swapped the operands of `{op}` at line {line}", editor => editor.Replace(left, newLeft).Replace(right, newRight));
        }

        return builder.Candidates;
    }
}
