using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Docker.DotNet;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// Turns the Docker client's failures into one-line <see cref="SandboxException"/>s that say what
/// to do: an unreachable daemon names the endpoint and how to start one; a refusal carries the
/// daemon's own message, not the raw response body.
/// </summary>
public static class DockerErrors
{
    /// <summary>How to get a daemon, for messages.</summary>
    public const string StartHint =
        "start it (scripts/setup.sh in a SweLego checkout, or systemctl start docker) or point --docker-host / DOCKER_HOST at a running daemon";

    /// <summary>How to get the base image, for messages.</summary>
    public const string ImageHint =
        "build the base image with scripts/setup.sh in a SweLego checkout, or load the image (docker load -i FILE) first";

    /// <summary>A failure of the daemon or of the way to it (as opposed to a bug).</summary>
    public static bool IsDaemonFailure(Exception e) => e is DockerApiException || IsUnreachable(e);

    /// <summary>The daemon could not be reached, or the connection to it broke.</summary>
    public static bool IsUnreachable(Exception e) => e switch
    {
        HttpRequestException or SocketException or IOException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsUnreachable),
        _ => false,
    };

    /// <summary>The daemon answered 404 (no such container, image, volume or path).</summary>
    public static bool IsNotFound(Exception e) => e is DockerApiException { StatusCode: HttpStatusCode.NotFound };

    /// <summary>The daemon answered 409 (in use, or a removal already in progress).</summary>
    public static bool IsConflict(Exception e) => e is DockerApiException { StatusCode: HttpStatusCode.Conflict };

    /// <summary>The daemon explains errors as {"message": "..."}; anything else is passed on raw, on one line.</summary>
    public static string DaemonMessage(DockerApiException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string body = e.ResponseBody ?? "";
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                && !string.IsNullOrWhiteSpace(message.GetString()))
            {
                return OneLine(message.GetString()!);
            }
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, say): the raw text below.
        }

        return string.IsNullOrWhiteSpace(body) ? $"{(int)e.StatusCode} {e.StatusCode}" : OneLine(body);
    }

    /// <summary>
    /// The failure as a <see cref="SandboxException"/>; <paramref name="action"/> completes
    /// "while trying to …" (e.g. "start a sandbox container").
    /// </summary>
    public static SandboxException Translate(Exception e, Uri endpoint, string action)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (e is DockerApiException api)
            return new SandboxException($"The Docker daemon at {endpoint} refused to {action} ({(int)api.StatusCode}): {DaemonMessage(api)}", e);
        return new SandboxException($"Cannot reach the Docker daemon at {endpoint} to {action}: {Reason(e, endpoint)}; {StartHint}.", e);
    }

    private static string Reason(Exception e, Uri endpoint)
    {
        // .NET reports a missing socket file as "Cannot assign requested address".
        if (endpoint.Scheme == "unix" && !File.Exists(endpoint.LocalPath)) return $"no socket file at {endpoint.LocalPath}";
        var innermost = e;
        while (innermost.InnerException is { } inner) innermost = inner;
        if (innermost is AggregateException { InnerExceptions: [var first, ..] }) innermost = first;
        return OneLine(innermost.Message).TrimEnd('.');
    }

    private static string OneLine(string text)
    {
        string line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 500 ? line : string.Concat(line.AsSpan(0, 500), "…");
    }
}
