using System.Text.Json.Serialization;

namespace SweLego.Curation;

/// <summary>
/// One message of a training record (spec §3): <c>system</c>, <c>user</c> or <c>assistant</c>. <see cref="TurnMask"/>
/// is set on every assistant message of an exported record: true = kept in the context, no loss.
/// </summary>
public sealed record SftMessage(string Role, string Content)
{
    public const string System = "system";
    public const string User = "user";
    public const string Assistant = "assistant";

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? TurnMask { get; init; }
}
