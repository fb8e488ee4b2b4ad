using SweLego.Runs;

namespace SweLego.Tests.Runs;

/// <summary>A small versioned record for the JSONL tests.</summary>
internal sealed record Item(string Key, int Value) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;
}
