using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Tests.TestSupport;

/// <summary>A request <see cref="ModelStub"/> received, with its body parsed (<see cref="JsonBody"/>) for assertions on <c>stop</c>, <c>tools</c>, <c>seed</c>….</summary>
public sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The body as a JSON object; null when it is empty or not a JSON object.</summary>
    public JsonObject? JsonBody { get; } = ParseObject(Body);

    /// <summary>The <c>content</c> of every message in the JSON body, joined by blank lines (null content counts as empty).</summary>
    public string MessagesText()
    {
        using var document = JsonDocument.Parse(Body);
        return string.Join("\n\n", document.RootElement.GetProperty("messages").EnumerateArray()
            .Select(m => m.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() : ""));
    }

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }

    private static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
