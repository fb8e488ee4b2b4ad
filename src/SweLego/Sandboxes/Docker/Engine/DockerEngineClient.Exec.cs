using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace SweLego.Sandboxes.Docker.Engine;

public sealed partial class DockerEngineClient
{
    private const int MaxResponseHeadBytes = 16 * 1024;

    /// <summary>
    /// Prepares a process in a running container; stdout and stderr are always attached (no TTY,
    /// so they arrive multiplexed), stdin only when <paramref name="attachStdin"/> is true.
    /// </summary>
    public async Task<string> CreateExecAsync(
        string containerId,
        IReadOnlyList<string> cmd,
        IReadOnlyDictionary<string, string>? env = null,
        string? workingDir = null,
        bool attachStdin = false,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cmd);
        if (cmd.Count == 0)
        {
            throw new ArgumentException("An exec needs a command.", nameof(cmd));
        }

        var body = new JsonObject
        {
            ["AttachStdin"] = attachStdin,
            ["AttachStdout"] = true,
            ["AttachStderr"] = true,
            ["Tty"] = false,
            ["Cmd"] = DockerJson.ToArray(cmd),
        };
        if (env is { Count: > 0 })
        {
            body["Env"] = DockerJson.ToEnvArray(env);
        }

        if (workingDir is not null)
        {
            body["WorkingDir"] = workingDir;
        }

        using var response = await SendAsync(HttpMethod.Post, $"/containers/{Escape(containerId)}/exec", Json(body), cancellationToken);
        using var doc = await ReadJsonAsync(response, cancellationToken);
        return doc.RootElement.String("Id")
            ?? throw DockerEngineException.Protocol("POST /containers/{id}/exec", "the daemon returned no exec id");
    }

    /// <summary>
    /// Starts an exec and hijacks its connection: the returned stream writes the process's stdin and
    /// reads its demultiplexed stdout/stderr. HttpClient cannot write after the response head, so
    /// this one call speaks HTTP/1.1 on a socket of its own.
    /// </summary>
    public async Task<ExecStream> StartExecAttachedAsync(string execId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(execId);
        var path = $"{_apiPrefix}/exec/{Escape(execId)}/start";
        var operation = $"POST {path}";
        Socket socket;
        try
        {
            socket = await _endpoint.ConnectAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            throw DockerEngineException.Unreachable(_endpoint.Display, operation, ex);
        }

        try
        {
            const string body = """{"Detach":false,"Tty":false}""";
            var request = Encoding.ASCII.GetBytes(
                $"POST {path} HTTP/1.1\r\nHost: {_endpoint.HostHeader}\r\nUser-Agent: SweLego\r\n"
                + "Content-Type: application/json\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                + $"Content-Length: {body.Length}\r\n\r\n{body}");
            await socket.SendAsync(request, SocketFlags.None, cancellationToken);

            var buffer = new byte[ExecStream.BufferSize];
            var (status, headEnd, received) = await ReadResponseHeadAsync(socket, buffer, operation, cancellationToken);
            if (status is HttpStatusCode.SwitchingProtocols or HttpStatusCode.OK)
            {
                // Bytes after the head are already multiplexed output; the stream takes them over.
                return new ExecStream(execId, socket, buffer, headEnd, received);
            }

            var message = await ReadErrorBodyAsync(socket, buffer, headEnd, received, cancellationToken);
            throw DockerEngineException.FromResponse(status, operation, DaemonMessage(message));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<ExecInfo> InspectExecAsync(string execId, CancellationToken cancellationToken = default)
    {
        using var doc = await GetJsonAsync($"/exec/{Escape(execId)}/json", cancellationToken);
        var root = doc.RootElement;
        var running = root.Bool("Running");
        var exitCode = root.Int64("ExitCode");
        return new ExecInfo(
            root.String("ID") ?? execId,
            root.String("ContainerID") ?? "",
            running,
            running || exitCode is null ? null : (int)exitCode.Value,
            (int)(root.Int64("Pid") ?? 0));
    }

    /// <summary>Reads until the blank line ending the response head; returns status, head length and bytes read.</summary>
    private static async Task<(HttpStatusCode Status, int HeadEnd, int Received)> ReadResponseHeadAsync(
        Socket socket, byte[] buffer, string operation, CancellationToken cancellationToken)
    {
        var received = 0;
        while (true)
        {
            var headEnd = buffer.AsSpan(0, received).IndexOf("\r\n\r\n"u8);
            if (headEnd >= 0)
            {
                return (ParseStatus(buffer.AsSpan(0, headEnd), operation), headEnd + 4, received);
            }

            if (received == Math.Min(buffer.Length, MaxResponseHeadBytes))
            {
                throw DockerEngineException.Protocol(operation, "the response head is too large");
            }

            var n = await socket.ReceiveAsync(buffer.AsMemory(received, Math.Min(buffer.Length, MaxResponseHeadBytes) - received), SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                throw DockerEngineException.Protocol(operation, "the daemon closed the connection before answering");
            }

            received += n;
        }
    }

    private static HttpStatusCode ParseStatus(ReadOnlySpan<byte> head, string operation)
    {
        // "HTTP/1.1 101 UPGRADED"
        var lineEnd = head.IndexOf("\r\n"u8);
        var line = lineEnd < 0 ? head : head[..lineEnd];
        if (line.Length >= 12 && line.StartsWith("HTTP/1."u8)
            && int.TryParse(line.Slice(9, 3), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code))
        {
            return (HttpStatusCode)code;
        }

        throw DockerEngineException.Protocol(operation, "unexpected response line " + Encoding.ASCII.GetString(line));
    }

    /// <summary>Error bodies are small JSON with a Content-Length; read exactly that much.</summary>
    private static async Task<string> ReadErrorBodyAsync(
        Socket socket, byte[] buffer, int headEnd, int received, CancellationToken cancellationToken)
    {
        var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
        var length = -1;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(line.AsSpan("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture, out var parsed))
            {
                length = parsed;
            }
        }

        var wanted = length < 0 ? received - headEnd : Math.Min(length, buffer.Length - headEnd);
        while (received - headEnd < wanted)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(received, headEnd + wanted - received), SocketFlags.None, cancellationToken);
            if (n == 0)
            {
                break;
            }

            received += n;
        }

        return Encoding.UTF8.GetString(buffer, headEnd, received - headEnd);
    }
}
