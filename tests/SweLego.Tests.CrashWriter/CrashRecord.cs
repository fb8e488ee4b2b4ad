using System.Globalization;
using SweLego.Runs;

namespace SweLego.Tests.CrashWriter;

/// <summary>The record the crash writer appends; the payload lets the test prove a line is whole.</summary>
public sealed record CrashRecord(string Key, string Payload) : IVersionedRecord
{
    public const int FormatVersion = 1;

    public const string Stage = "crash";

    public const string FileName = "records.jsonl";

    public int V { get; init; } = FormatVersion;

    public static CrashRecord For(int index)
    {
        var key = index.ToString(CultureInfo.InvariantCulture);
        return new CrashRecord(key, ExpectedPayload(key));
    }

    /// <summary>Long enough that a record spans many bytes, derived from the key so it can be checked.</summary>
    public static string ExpectedPayload(string key) => string.Concat(Enumerable.Repeat($"<{key}>", 40));
}
