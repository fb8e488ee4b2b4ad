namespace SweLego.Curation.Import;

/// <summary>The importers by format name.</summary>
public static class ImporterRegistry
{
    public static IReadOnlyList<ITrajectoryImporter> All { get; } =
        [new OpenHandsImporter(), new SweAgentImporter(), new MiniSweAgentImporter(), new MessagesImporter()];

    /// <exception cref="ArgumentException">No importer has that name (the message lists the known ones).</exception>
    public static ITrajectoryImporter Get(string format) =>
        All.FirstOrDefault(i => string.Equals(i.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown import format '{format}'; known formats: {string.Join(", ", All.Select(i => i.Format))}");
}
