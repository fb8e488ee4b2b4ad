using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary><c>py.drop_return_value</c>: <c>return x</c> becomes a bare <c>return</c>.</summary>
public sealed class DropReturnValueMutator : IBugMutator
{
    public string Id => "py.drop_return_value";

    public string Explanation => "Turns one return statement that returns a value into a bare return (the function returns None there).";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var statement in MutatorSyntax.BodyNodes<ReturnStatementSyntax>(target))
        {
            if (statement.Value is null || statement.Value is LiteralExpressionSyntax { Kind: SyntaxKind.NoneLiteral })
            {
                continue;
            }

            string line = MutatorSyntax.Format(MutatorSyntax.Line(statement));
            builder.Add($"`return {MutatorSyntax.Shorten(statement.Value.Text)}` → `return` at line {line}",
                editor => editor.Replace(statement, "return"));
        }

        return builder.Candidates;
    }
}
