using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary><c>py.swap_if_else</c>: the bodies of an <c>if</c>/<c>else</c> (without <c>elif</c>) trade places.</summary>
public sealed class SwapIfElseMutator : IBugMutator
{
    public string Id => "py.swap_if_else";

    public string Explanation => "Swaps the body of an if statement with the body of its else clause.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var statement in MutatorSyntax.BodyNodes<IfStatementSyntax>(target))
        {
            if (statement.ElifClauses.Count > 0 || statement.ElseClause is not { } elseClause
                || statement.Body.IsIndented != elseClause.Body.IsIndented
                || MutatorSyntax.BodyRegion(statement.Body) is not { } ifBody
                || MutatorSyntax.BodyRegion(elseClause.Body) is not { } elseBody)
            {
                continue;
            }

            // Whole-line regions move verbatim only between bodies indented alike.
            if (statement.Body.IsIndented && !string.Equals(
                MutatorSyntax.Indentation(source, statement.Body.Statements[0].Span.Start),
                MutatorSyntax.Indentation(source, elseClause.Body.Statements[0].Span.Start),
                StringComparison.Ordinal))
            {
                continue;
            }

            string ifText = source.Text.GetText(ifBody);
            string elseText = source.Text.GetText(elseBody);
            string line = MutatorSyntax.Format(MutatorSyntax.Line(statement));
            builder.Add($"swapped the if and else bodies of the if at line {line}",
                editor => editor.Replace(ifBody, elseText).Replace(elseBody, ifText));
        }

        return builder.Candidates;
    }
}
