using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary><c>py.flip_comparison</c>: one comparison operator becomes its negation.</summary>
public sealed class FlipComparisonMutator : IBugMutator
{
    public string Id => "py.flip_comparison";

    public string Explanation => "Replaces one comparison operator with its negation (< ↔ >=, <= ↔ >, == ↔ !=, in ↔ not in, is ↔ is not).";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var comparison in MutatorSyntax.BodyNodes<ComparisonExpressionSyntax>(target))
        {
            for (int i = 0; i < comparison.Operators.Count; i++)
            {
                var span = comparison.GetOperatorSpan(i);
                string replacement = Negation(comparison.Operators[i]);
                string original = source.Text.GetText(span);
                int line = MutatorSyntax.Line(comparison.OperatorTokens[i]);
                builder.Add($"`{original}` → `{replacement}` at line {MutatorSyntax.Format(line)}", editor => editor.Replace(span, replacement));
            }
        }

        return builder.Candidates;
    }

    private static string Negation(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ">=",
        ComparisonOperator.GreaterEqual => "<",
        ComparisonOperator.LessEqual => ">",
        ComparisonOperator.Greater => "<=",
        ComparisonOperator.Equal => "!=",
        ComparisonOperator.NotEqual => "==",
        ComparisonOperator.In => "not in",
        ComparisonOperator.NotIn => "in",
        ComparisonOperator.Is => "is not",
        _ => "is",
    };
}
