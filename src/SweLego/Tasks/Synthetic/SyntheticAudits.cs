using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic;

/// <summary>The full-suite audit of fast-mode instances: which are sampled, and how their lists differ from the exact ones.</summary>
internal static class SyntheticAudits
{
    /// <summary>
    /// True for a share <paramref name="rate"/> of candidate ids, decided by a hash of the seed and
    /// the id alone: the same run audits the same instances whatever the jobs or the order.
    /// </summary>
    public static bool Selects(int seed, string candidateId, double rate)
    {
        if (rate <= 0) return false;
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}\0{candidateId}")));
        return BinaryPrimitives.ReadUInt64BigEndian(hash) / (double)ulong.MaxValue < rate;
    }

    /// <summary>Each test in a different list (or in one list only), as <c>test: fast X, full Y</c>, sorted.</summary>
    public static IReadOnlyList<string> Differences(ValidationResult fast, ValidationResult full)
    {
        var inFast = Lists(fast);
        var inFull = Lists(full);
        return [.. inFast.Keys.Union(inFull.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => (Test: t, Fast: inFast.GetValueOrDefault(t, "neither"), Full: inFull.GetValueOrDefault(t, "neither")))
            .Where(d => d.Fast != d.Full)
            .Select(d => $"{d.Test}: fast {d.Fast}, full {d.Full}")];
    }

    private static Dictionary<string, string> Lists(ValidationResult lists)
    {
        var where = lists.PassToPass.ToDictionary(t => t, _ => "P2P", StringComparer.Ordinal);
        foreach (string test in lists.FailToPass) where[test] = "F2P";
        return where;
    }
}
