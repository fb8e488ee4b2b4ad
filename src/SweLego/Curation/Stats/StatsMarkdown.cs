using System.Text;

namespace SweLego.Curation.Stats;

/// <summary><c>stats.md</c>: every <see cref="StatsTables"/> table as a Markdown table with its caption, then the notes.</summary>
public static class StatsMarkdown
{
    public static string Render(CurationStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var text = new StringBuilder("# Curation statistics\n");
        foreach (var table in StatsTables.Build(stats))
        {
            text.Append("\n## ").Append(table.Title).Append("\n\n");
            if (table.Rows.Count > 0)
            {
                text.Append("| ").AppendJoin(" | ", table.Columns.Select(c => Cell(c.Header))).Append(" |\n");
                text.Append('|').AppendJoin('|', table.Columns.Select(c => c.Numeric ? "---:" : "---")).Append("|\n");
                foreach (var row in table.Rows) text.Append("| ").AppendJoin(" | ", row.Select(Cell)).Append(" |\n");
            }
            else
            {
                text.Append("(none)\n");
            }

            foreach (string line in table.Caption) text.Append('\n').Append(line).Append('\n');
        }

        if (stats.Notes.Count > 0)
        {
            text.Append("\n## Notes\n\n");
            foreach (string note in stats.Notes) text.Append("- ").Append(note).Append('\n');
        }

        return text.ToString();
    }

    private static string Cell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
