using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.remove_branch</c>: one <c>elif</c> or <c>else</c> clause is dropped, or an <c>if</c> without
/// <c>elif</c>/<c>else</c> is deleted when its block keeps another statement.
/// </summary>
public sealed class RemoveBranchMutator : IBugMutator
{
    public string Id => "py.remove_branch";

    public string Explanation => "Removes one elif or else clause, or a whole if statement that has neither (when its block keeps other code).";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var statement in MutatorSyntax.BodyNodes<IfStatementSyntax>(target))
        {
            if (MutatorSyntax.ContainsDefinition(statement))
            {
                continue;
            }

            if (statement.ElifClauses.Count == 0 && statement.ElseClause is null)
            {
                if (statement.Parent is BlockSyntax block && block.IsIndented && MutatorSyntax.CodeStatementCount(block, target) > 1
                    && MutatorSyntax.WholeLines(statement) is { } lines)
                {
                    string line = MutatorSyntax.Format(MutatorSyntax.Line(statement));
                    builder.Add($"removed the if statement at line {line}", editor => editor.Replace(lines, string.Empty));
                }

                continue;
            }

            foreach (var elif in statement.ElifClauses)
            {
                AddClause(builder, source, elif, TokenKind.ElifKeyword, "elif");
            }

            if (statement.ElseClause is { } elseClause)
            {
                AddClause(builder, source, elseClause, TokenKind.ElseKeyword, "else");
            }
        }

        return builder.Candidates;
    }

    private static void AddClause(CandidateBuilder builder, ParsedModule source, SyntaxNode clause, TokenKind kind, string name)
    {
        if (MutatorSyntax.Keyword(clause, kind) is not { } keyword || MutatorSyntax.LastSignificantToken(clause) is not { } last
            || MutatorSyntax.WholeLines(source, keyword.Span.Start, last.Span.End) is not { } lines)
        {
            return;
        }

        string line = MutatorSyntax.Format(MutatorSyntax.Line(keyword));
        builder.Add($"removed the {name} clause at line {line}", editor => editor.Replace(lines, string.Empty));
    }
}
