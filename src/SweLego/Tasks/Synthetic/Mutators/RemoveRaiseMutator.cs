using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.remove_raise</c>: one <c>raise</c> statement is deleted, or becomes <c>pass</c> when it is
/// the only statement of its block (a validation that no longer fails).
/// </summary>
public sealed class RemoveRaiseMutator : IBugMutator
{
    public string Id => "py.remove_raise";

    public string Explanation => "Deletes one raise statement (replacing it with pass when it is the only statement of its block).";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var statement in MutatorSyntax.BodyNodes<RaiseStatementSyntax>(target))
        {
            string line = MutatorSyntax.Format(MutatorSyntax.Line(statement));
            string description = $"removed `{MutatorSyntax.Shorten(statement.Text)}` at line {line}";
            if (StatementRemoval.Delete(statement, target) is { } edit)
            {
                builder.Add(description, edit);
            }
            else if (statement.Parent is SimpleStatementLineSyntax { Statements.Count: 1 })
            {
                builder.Add(description, editor => editor.Replace(statement, "pass"));
            }
        }

        return builder.Candidates;
    }
}
