using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.remove_statement</c>: one assignment, augmented assignment or expression statement (a call,
/// an await, a yield) is deleted; never the docstring, never the only statement of a block.
/// </summary>
public sealed class RemoveStatementMutator : IBugMutator
{
    public string Id => "py.remove_statement";

    public string Explanation => "Deletes one assignment, augmented assignment or expression statement that is not the only statement of its block.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var statement in MutatorSyntax.BodyNodes<StatementSyntax>(target))
        {
            string? kind = statement switch
            {
                AssignmentStatementSyntax => "assignment",
                AugmentedAssignmentStatementSyntax => "augmented assignment",
                AnnotatedAssignmentStatementSyntax => "annotated assignment",
                ExpressionStatementSyntax { Expression: CallExpressionSyntax } => "call",
                ExpressionStatementSyntax { Expression: AwaitExpressionSyntax or YieldExpressionSyntax } => "expression",
                _ => null,
            };
            if (kind is null || StatementRemoval.Delete(statement, target) is not { } edit)
            {
                continue;
            }

            string line = MutatorSyntax.Format(MutatorSyntax.Line(statement));
            builder.Add($"removed the {kind} `{MutatorSyntax.Shorten(statement.Text)}` at line {line}", edit);
        }

        return builder.Candidates;
    }
}
