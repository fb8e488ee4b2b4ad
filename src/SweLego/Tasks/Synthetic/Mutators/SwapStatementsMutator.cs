using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.swap_statements</c>: two adjacent simple-statement lines of one indented block trade places
/// (never the docstring, never <c>global</c>/<c>nonlocal</c>, only when their texts differ).
/// </summary>
public sealed class SwapStatementsMutator : IBugMutator
{
    public string Id => "py.swap_statements";

    public string Explanation => "Swaps two adjacent simple statements of the same block.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        var docstring = MutatorSyntax.DocstringLine(target);
        var blocks = MutatorSyntax.BodyNodes<BlockSyntax>(target).Prepend(target.Syntax.Body);
        var pairs = new List<(SimpleStatementLineSyntax First, SimpleStatementLineSyntax Second)>();
        foreach (var block in blocks)
        {
            if (!block.IsIndented)
            {
                continue;
            }

            for (int i = 0; i + 1 < block.Statements.Count; i++)
            {
                if (block.Statements[i] is SimpleStatementLineSyntax first && block.Statements[i + 1] is SimpleStatementLineSyntax second
                    && first != docstring && Swappable(first) && Swappable(second))
                {
                    pairs.Add((first, second));
                }
            }
        }

        foreach (var (first, second) in pairs.OrderBy(p => p.First.Span.Start))
        {
            var firstSpan = StatementsSpan(first);
            var secondSpan = StatementsSpan(second);
            string firstText = source.Text.GetText(firstSpan);
            string secondText = source.Text.GetText(secondSpan);
            if (string.Equals(firstText, secondText, StringComparison.Ordinal))
            {
                continue;
            }

            string line = MutatorSyntax.Format(MutatorSyntax.Line(first));
            string next = MutatorSyntax.Format(MutatorSyntax.Line(second));
            builder.Add($"swapped the statements at lines {line} and {next}",
                editor => editor.Replace(firstSpan, secondText).Replace(secondSpan, firstText));
        }

        return builder.Candidates;
    }

    private static bool Swappable(SimpleStatementLineSyntax line) =>
        line.Statements.All(s => s is not (GlobalStatementSyntax or ErrorStatementSyntax));

    private static TextSpan StatementsSpan(SimpleStatementLineSyntax line) =>
        new(line.Statements[0].Span.Start, line.Statements[^1].Span.End);
}
