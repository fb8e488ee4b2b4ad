using System.Net;

namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// The daemon refused a request (<see cref="StatusCode"/> holds its HTTP status) or could not be
/// reached at all (<see cref="StatusCode"/> is null). The message is one line meant for humans.
/// </summary>
public sealed class DockerEngineException : Exception
{
    public DockerEngineException()
        : this("Docker Engine request failed.")
    {
    }

    public DockerEngineException(string message)
        : base(message)
    {
        DaemonMessage = message;
    }

    public DockerEngineException(string message, Exception innerException)
        : base(message, innerException)
    {
        DaemonMessage = message;
    }

    public DockerEngineException(HttpStatusCode? statusCode, string daemonMessage, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        DaemonMessage = daemonMessage;
    }

    /// <summary>HTTP status the daemon answered with; null when it could not be reached.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The daemon's own explanation (its JSON "message"), or the transport error.</summary>
    public string DaemonMessage { get; }

    /// <summary>True for 404 answers, which cleanup code usually wants to ignore.</summary>
    public bool IsNotFound => StatusCode == HttpStatusCode.NotFound;

    /// <summary>True for 409 answers, e.g. removing an image a container uses.</summary>
    public bool IsConflict => StatusCode == HttpStatusCode.Conflict;

    internal static DockerEngineException FromResponse(HttpStatusCode status, string operation, string daemonMessage)
    {
        var oneLine = OneLine(daemonMessage);
        return new DockerEngineException(
            status, oneLine, $"Docker Engine {operation} failed with {(int)status} {status}: {oneLine}");
    }

    internal static DockerEngineException Unreachable(string endpoint, string operation, Exception cause)
    {
        // HttpClient wraps the connect failure; the inner exception says what actually went wrong.
        var reason = OneLine((cause is HttpRequestException { InnerException: { } inner } ? inner : cause).Message);
        return new DockerEngineException(
            null,
            reason,
            $"Cannot reach the Docker daemon at {endpoint} ({operation}): {reason}. Start dockerd or set DOCKER_HOST.",
            cause);
    }

    internal static DockerEngineException Protocol(string operation, string problem) =>
        new(null, problem, $"Docker Engine {operation}: {problem}");

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length <= 500 ? line : string.Concat(line.AsSpan(0, 500), "…");
    }
}
