using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.off_by_one</c>: a decimal integer literal n inside a comparison, a subscript index, a slice
/// or a <c>range()</c> argument becomes n+1 or n−1 (never below 0).
/// </summary>
public sealed class OffByOneMutator : IBugMutator
{
    public string Id => "py.off_by_one";

    public string Explanation => "Changes an integer literal n used in a comparison, index, slice or range() argument to n+1 or n-1.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var literal in MutatorSyntax.BodyNodes<LiteralExpressionSyntax>(target))
        {
            if (MutatorSyntax.DecimalInteger(literal) is not { } value || !InBoundaryContext(literal))
            {
                continue;
            }

            string line = MutatorSyntax.Format(MutatorSyntax.Line(literal));
            foreach (long changed in (long[])[value + 1, value - 1])
            {
                if (changed < 0)
                {
                    continue;
                }

                string text = MutatorSyntax.Format(changed);
                builder.Add($"`{literal.Text}` → `{text}` at line {line}", editor => editor.Replace(literal, text));
            }
        }

        return builder.Candidates;
    }

    private static bool InBoundaryContext(SyntaxNode literal)
    {
        SyntaxNode child = literal;
        for (var node = literal.Parent; node is ExpressionSyntax or ArgumentSyntax or ArgumentListSyntax; child = node, node = node.Parent)
        {
            switch (node)
            {
                case ComparisonExpressionSyntax or SliceExpressionSyntax:
                    return true;
                case SubscriptExpressionSyntax subscript when subscript.Index == child:
                    return true;
                case CallExpressionSyntax { Function: NameExpressionSyntax { Identifier: "range" } } call when call.Arguments == child:
                    return true;
                case LambdaExpressionSyntax or ComprehensionSyntax:
                    return false;
            }
        }

        return false;
    }
}
