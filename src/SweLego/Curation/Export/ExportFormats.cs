namespace SweLego.Curation.Export;

/// <summary>The stable names of <see cref="ExportFormat"/> (CLI values, folder names, <c>export.json</c>).</summary>
public static class ExportFormats
{
    public static IReadOnlyList<(ExportFormat Format, string Id)> All { get; } =
        [(ExportFormat.LlamaFactory, "llamafactory"), (ExportFormat.OpenAi, "openai"), (ExportFormat.Parquet, "parquet")];

    public static string Id(ExportFormat format) => All.First(f => f.Format == format).Id;

    /// <summary>The format named <paramref name="id"/>, or an <see cref="ArgumentException"/> listing the names.</summary>
    public static ExportFormat Parse(string id) =>
        All.FirstOrDefault(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase)) is { Id: not null } found
            ? found.Format
            : throw new ArgumentException($"Unknown export format '{id}'; use one of {string.Join(", ", All.Select(f => f.Id))}.");
}
