using System.Text.Json;

namespace SweLego.Tests.TestSupport;

/// <summary>A request <see cref="ModelStub"/> received.</summary>
public sealed record StubRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The <c>content</c> of every message in the JSON body, joined by blank lines.</summary>
    public string MessagesText()
    {
        using var document = JsonDocument.Parse(Body);
        return string.Join("\n\n", document.RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
    }

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body);
        return document.RootElement.Clone();
    }
}
