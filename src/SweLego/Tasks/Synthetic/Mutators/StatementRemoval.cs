using SweLego.Python.Editing;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>Deleting one statement (or one simple statement of a <c>;</c> line) so the block stays valid.</summary>
internal static class StatementRemoval
{
    /// <summary>
    /// The edit that deletes <paramref name="statement"/> (a compound statement, a statement line or
    /// one simple statement inside a line), or null when the block would lose its last statement
    /// of code or the statement does not own its lines.
    /// </summary>
    public static Action<SourceEditor>? Delete(StatementSyntax statement, PythonFunction target)
    {
        if (statement.Parent is SimpleStatementLineSyntax line && line.Statements.Count > 1)
        {
            int index = IndexOf(line.Statements, statement);
            var text = statement.Module.Text;
            TextSpan span = index < line.Statements.Count - 1
                ? new TextSpan(statement.Span.Start, line.Statements[index + 1].Span.Start)
                : new TextSpan(line.Statements[index - 1].Span.End, statement.Span.End);
            return span.IsEmpty || text.GetText(span).Contains('\n', StringComparison.Ordinal)
                ? null
                : editor => editor.Replace(span, string.Empty);
        }

        StatementSyntax whole = statement.Parent is SimpleStatementLineSyntax single ? single : statement;
        if (whole.Parent is not BlockSyntax block || !block.IsIndented || MutatorSyntax.CodeStatementCount(block, target) < 2
            || MutatorSyntax.WholeLines(whole) is not { } lines)
        {
            return null;
        }

        return editor => editor.Replace(lines, string.Empty);
    }

    private static int IndexOf(IReadOnlyList<StatementSyntax> statements, StatementSyntax statement)
    {
        for (int i = 0; i < statements.Count; i++)
        {
            if (statements[i] == statement)
            {
                return i;
            }
        }

        return -1;
    }
}
