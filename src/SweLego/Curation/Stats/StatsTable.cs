namespace SweLego.Curation.Stats;

/// <summary>
/// One table of the statistics as text cells: <see cref="StatsMarkdown"/> writes it as Markdown and the CLI as a
/// console table, so both say the same thing. <see cref="Caption"/> holds the numbers that are not rows
/// (totals, correlations).
/// </summary>
public sealed record StatsTable(string Title, IReadOnlyList<StatsColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<string> Caption);

/// <summary>A column header; numbers are right-aligned.</summary>
public sealed record StatsColumn(string Header, bool Numeric = true);
