namespace SweLego.Runs;

/// <summary>
/// A record stored in a run folder's JSONL files. Every record carries the version of its
/// own format as the property <c>v</c>, so readers can tell old data from new without
/// guessing from the shape.
/// </summary>
/// <remarks>
/// Convention: each record type declares <c>public const int FormatVersion = 1;</c> and
/// <c>public int V { get; init; } = FormatVersion;</c>. Bump <c>FormatVersion</c> when a
/// change is not backward compatible (a field is renamed, removed or changes meaning); adding
/// an optional field does not need a bump. <see cref="RunJson.Options"/> serializes
/// <c>V</c> as <c>"v"</c> (snake_case). Whole-file documents (the manifest) use a
/// <c>version</c> property instead, see <see cref="RunManifest.CurrentVersion"/>.
/// </remarks>
public interface IVersionedRecord
{
    /// <summary>The record's format version; always ≥ 1 (0 means it was never set).</summary>
    int V { get; }
}
