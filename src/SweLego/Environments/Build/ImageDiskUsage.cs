using System.Text.Json;
using Docker.DotNet.Handler.Abstractions;
using Docker.DotNet.LegacyHttp;
using Docker.DotNet.Unix;
using Microsoft.Extensions.Logging.Abstractions;

namespace SweLego.Environments.Build;

/// <summary>
/// Per image, the bytes it shares with other images and the containers using it, from GET
/// /system/df, which computes both on every API version. The Docker client's model of that answer
/// is the API 1.52 shape ("ImageUsage"); daemons before it (Docker 20.10 speaks 1.41) answer with
/// "Images", so the document is read here, over the client library's own transport.
/// </summary>
internal static class ImageDiskUsage
{
    /// <summary>One image's row of /system/df.</summary>
    public sealed record Row(string Id, long Size, long SharedSize, int Containers)
    {
        /// <summary>What removing the image frees, or null when the daemon did not compute SharedSize.</summary>
        public long? UniqueSize => SharedSize < 0 ? null : Math.Max(0, Size - SharedSize);
    }

    public static async Task<IReadOnlyDictionary<string, Row>> ReadAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        var options = new ResolvedClientOptions { Endpoint = endpoint };
        var transport = endpoint.Scheme == "unix"
            ? Docker.DotNet.Unix.DockerHandlerFactory.Instance.CreateHandler(
                new UnixSocketTransportOptions { ConfigureHandler = handler => handler.UseProxy = false }, options, NullLogger.Instance)
            : Docker.DotNet.LegacyHttp.DockerHandlerFactory.Instance.CreateHandler(
                new LegacyHttpTransportOptions { ConfigureHandler = handler => handler.UseProxy = false }, options, NullLogger.Instance);
        using var http = new HttpClient(transport.Handler) { BaseAddress = transport.EffectiveEndpoint, Timeout = Timeout.InfiniteTimeSpan };
        using var response = await http.GetAsync(new Uri("system/df", UriKind.Relative), cancellationToken);
        string body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) throw new Docker.DotNet.DockerApiException(response.StatusCode, body);
        return Parse(body);
    }

    internal static IReadOnlyDictionary<string, Row> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var images = root.TryGetProperty("Images", out var old) ? old
            : root.TryGetProperty("ImageUsage", out var usage) && usage.TryGetProperty("Items", out var items) ? items
            : default;
        var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
        if (images.ValueKind != JsonValueKind.Array) return rows;
        foreach (var image in images.EnumerateArray())
        {
            string id = image.TryGetProperty("Id", out var value) ? value.GetString() ?? "" : "";
            rows[id] = new Row(id, Int64(image, "Size"), Int64(image, "SharedSize"), (int)Int64(image, "Containers"));
        }

        return rows;
    }

    private static long Int64(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : -1;
}
