using System.Text.Json;
using SweLego.Runs.Stages;

namespace SweLego.Tasks;

/// <summary>
/// The stage outcomes of the mining stages: <c>kept</c> for an instance, <c>rejected:&lt;kind&gt;</c>
/// (the kind as the JSONL files spell it) for a rejection, and <c>error</c> for the kind that means an
/// unexpected failure, which the stage runner tries again.
/// </summary>
internal static class RejectionOutcomes
{
    public static string Of<TKind>(TKind kind, TKind error) where TKind : struct, Enum =>
        EqualityComparer<TKind>.Default.Equals(kind, error) ? StageOutcomes.Error : StageOutcomes.Rejected(JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString()));

    /// <summary>The rejections among <paramref name="counts"/> (by outcome) by kind; kinds with none are left out.</summary>
    public static Dictionary<TKind, int> ByKind<TKind>(IReadOnlyDictionary<string, int> counts, TKind error) where TKind : struct, Enum =>
        Enum.GetValues<TKind>()
            .Select(kind => (Kind: kind, Count: counts.GetValueOrDefault(Of(kind, error))))
            .Where(k => k.Count > 0)
            .ToDictionary(k => k.Kind, k => k.Count);
}
