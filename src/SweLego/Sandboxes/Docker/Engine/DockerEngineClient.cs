using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// A small client for the Docker Engine HTTP API (version 1.41) over a unix socket or plain TCP.
/// Daemon refusals and an unreachable daemon surface as <see cref="DockerEngineException"/>.
/// Thread-safe; create one per process and share it.
/// </summary>
public sealed partial class DockerEngineClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly DockerEndpoint _endpoint;
    private readonly string _apiPrefix;

    public DockerEngineClient(DockerEngineOptions? options = null)
    {
        options ??= new DockerEngineOptions();
        _endpoint = DockerEndpoint.Resolve(options.Endpoint, Environment.GetEnvironmentVariable("DOCKER_HOST"));
        var version = options.ApiVersion.TrimStart('v');
        if (!System.Version.TryParse(version, out _))
        {
            throw new ArgumentException($"Docker API version '{options.ApiVersion}' is not like 1.41.", nameof(options));
        }

        _apiPrefix = "/v" + version;
        var endpoint = _endpoint;
        var handler = new SocketsHttpHandler
        {
            // A proxy from the environment must never see daemon traffic.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = async (_, cancellationToken) =>
                new NetworkStream(await endpoint.ConnectAsync(cancellationToken), ownsSocket: true),
        };

        // Builds and archive copies can legitimately take long; callers bound time with tokens.
        _http = new HttpClient(handler) { BaseAddress = _endpoint.BaseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The endpoint in use, e.g. unix:///var/run/docker.sock.</summary>
    public string Endpoint => _endpoint.Display;

    /// <summary>Succeeds when the daemon answers GET /_ping.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "/_ping", null, cancellationToken);
    }

    public async Task<DockerVersion> VersionAsync(CancellationToken cancellationToken = default)
    {
        using var doc = await GetJsonAsync("/version", cancellationToken);
        var root = doc.RootElement;
        return new DockerVersion(
            root.String("Version") ?? "",
            root.String("ApiVersion") ?? "",
            root.String("MinAPIVersion") ?? "",
            root.String("Os") ?? "",
            root.String("Arch") ?? "",
            root.String("KernelVersion") ?? "");
    }

    public void Dispose() => _http.Dispose();

    private static string Escape(string value) => Uri.EscapeDataString(value);

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private async Task<JsonDocument> GetJsonAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await JsonDocument.ParseAsync(stream, default, cancellationToken);
    }

    /// <summary>
    /// Sends one request and turns a non-success status (other than <paramref name="alsoSuccess"/>)
    /// into a <see cref="DockerEngineException"/> carrying the daemon's message.
    /// </summary>
    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string pathAndQuery,
        HttpContent? content,
        CancellationToken cancellationToken,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead,
        HttpStatusCode? alsoSuccess = null)
    {
        var operation = $"{method} {StripQuery(pathAndQuery)}";
        using var request = new HttpRequestMessage(method, new Uri(_apiPrefix + pathAndQuery, UriKind.Relative)) { Content = content };
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw DockerEngineException.Unreachable(_endpoint.Display, operation, ex);
        }

        if (response.IsSuccessStatusCode || response.StatusCode == alsoSuccess)
        {
            return response;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw DockerEngineException.FromResponse(response.StatusCode, operation, DaemonMessage(body));
        }
    }

    /// <summary>The daemon explains errors as {"message": "..."}; anything else is passed on raw.</summary>
    internal static string DaemonMessage(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var message = doc.RootElement.String("message");
            if (!string.IsNullOrWhiteSpace(message))
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // Not JSON (e.g. a proxy's HTML page): fall through to the raw text.
        }

        return string.IsNullOrWhiteSpace(body) ? "(no message)" : body;
    }

    private static string StripQuery(string pathAndQuery)
    {
        var question = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? pathAndQuery : pathAndQuery[..question];
    }
}
