using System.Text.Json.Nodes;

namespace SweLego.Evaluation.Inputs;

/// <summary>
/// One item of a JSON or JSONL file: the parsed value, or why it did not parse. <see cref="Key"/>
/// is the property name in a file keyed by instance id; <see cref="Fingerprint"/> (when asked for)
/// identifies the item's exact text, whitespace around it aside, so identical lines can be told apart
/// from merely similar ones.
/// </summary>
internal sealed record JsonItem(InputOrigin Origin, JsonNode? Value, string? Error, string? Key, string? Fingerprint);
