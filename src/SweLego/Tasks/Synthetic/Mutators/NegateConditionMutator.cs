using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary><c>py.negate_condition</c>: the test of one <c>if</c>, <c>elif</c> or <c>while</c> is negated.</summary>
public sealed class NegateConditionMutator : IBugMutator
{
    public string Id => "py.negate_condition";

    public string Explanation => "Negates the condition of one if, elif or while statement (c → not (c); not c → c).";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var node in MutatorSyntax.BodyNodes(target))
        {
            var (test, keyword) = node switch
            {
                IfStatementSyntax statement => (statement.Test, "if"),
                ElifClauseSyntax clause => (clause.Test, "elif"),
                WhileStatementSyntax statement => (statement.Test, "while"),
                _ => ((ExpressionSyntax?)null, ""),
            };
            if (test is null || test.Span.IsEmpty)
            {
                continue;
            }

            string replacement = test is UnaryExpressionSyntax { Operator: TokenKind.NotKeyword } negation
                ? negation.Operand.Text
                : $"not ({test.Text})";
            string line = MutatorSyntax.Format(MutatorSyntax.Line(test));
            builder.Add($"{keyword} condition `{MutatorSyntax.Shorten(test.Text)}` → `{MutatorSyntax.Shorten(replacement)}` at line {line}", editor => editor.Replace(test, replacement));
        }

        return builder.Candidates;
    }
}
