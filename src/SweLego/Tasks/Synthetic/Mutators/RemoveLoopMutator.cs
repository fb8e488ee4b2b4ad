using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary><c>py.remove_loop</c>: one <c>for</c> or <c>while</c> statement is deleted.</summary>
public sealed class RemoveLoopMutator : IBugMutator
{
    public string Id => "py.remove_loop";

    public string Explanation => "Deletes one for or while loop (with its else clause) when its block keeps other code.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var node in MutatorSyntax.BodyNodes(target))
        {
            if (node is not (ForStatementSyntax or WhileStatementSyntax) || MutatorSyntax.ContainsDefinition(node)
                || StatementRemoval.Delete((StatementSyntax)node, target) is not { } edit)
            {
                continue;
            }

            string kind = node is ForStatementSyntax ? "for" : "while";
            builder.Add($"removed the {kind} loop at line {MutatorSyntax.Format(MutatorSyntax.Line(node))}", edit);
        }

        return builder.Candidates;
    }
}
