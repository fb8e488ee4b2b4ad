using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary><c>py.change_bool_op</c>: one <c>and</c> becomes <c>or</c> or the reverse.</summary>
public sealed class ChangeBoolOpMutator : IBugMutator
{
    public string Id => "py.change_bool_op";

    public string Explanation => "Replaces one boolean operator: and ↔ or.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var expression in MutatorSyntax.BodyNodes<BooleanExpressionSyntax>(target))
        {
            foreach (var token in expression.OperatorTokens)
            {
                string replacement = token.Kind == TokenKind.AndKeyword ? "or" : "and";
                string line = MutatorSyntax.Format(MutatorSyntax.Line(token));
                builder.Add($"`{token.Text}` → `{replacement}` at line {line}", editor => editor.Replace(token, replacement));
            }
        }

        return builder.Candidates;
    }
}
