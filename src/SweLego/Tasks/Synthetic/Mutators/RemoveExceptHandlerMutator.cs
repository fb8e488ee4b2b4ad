using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.remove_except_handler</c>: one <c>except</c> clause of a <c>try</c> with several handlers is
/// removed; a single handler's body becomes a bare <c>raise</c> (the exception propagates).
/// </summary>
public sealed class RemoveExceptHandlerMutator : IBugMutator
{
    public string Id => "py.remove_except_handler";

    public string Explanation => "Removes one except clause of a try with several handlers, or makes a single handler re-raise.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var statement in MutatorSyntax.BodyNodes<TryStatementSyntax>(target))
        {
            if (statement.Handlers.Count == 1)
            {
                var handler = statement.Handlers[0];
                if (MutatorSyntax.BodyRegion(handler.Body) is not { } body || MutatorSyntax.ContainsDefinition(handler.Body)
                    || handler.Body.Statements[0] is SimpleStatementLineSyntax { Statements: [RaiseStatementSyntax { Exception: null }] })
                {
                    continue;
                }

                string indentation = handler.Body.IsIndented ? MutatorSyntax.Indentation(source, handler.Body.Statements[0].Span.Start) : string.Empty;
                string replacement = handler.Body.IsIndented ? $"{indentation}raise\n" : "raise";
                string line = MutatorSyntax.Format(MutatorSyntax.Line(handler));
                builder.Add($"the except clause at line {line} re-raises instead of handling", editor => editor.Replace(body, replacement));
                continue;
            }

            foreach (var handler in statement.Handlers)
            {
                if (MutatorSyntax.ContainsDefinition(handler) || MutatorSyntax.Keyword(handler, TokenKind.ExceptKeyword) is not { } keyword
                    || MutatorSyntax.LastSignificantToken(handler) is not { } last
                    || MutatorSyntax.WholeLines(source, keyword.Span.Start, last.Span.End) is not { } lines)
                {
                    continue;
                }

                string line = MutatorSyntax.Format(MutatorSyntax.Line(keyword));
                builder.Add($"removed the except clause at line {line}", editor => editor.Replace(lines, string.Empty));
            }
        }

        return builder.Candidates;
    }
}
