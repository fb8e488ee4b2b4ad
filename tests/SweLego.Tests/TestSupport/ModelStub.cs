using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SweLego.Models;

namespace SweLego.Tests.TestSupport;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) standing in for an OpenAI-compatible model
/// server: <c>POST /v1/chat/completions</c> answers with the next scripted <see cref="StubReply"/>
/// (then <see cref="Responder"/>, then <see cref="Fallback"/>), <c>GET /v1/models</c> lists
/// <see cref="ServedModels"/> (or is a 404 with <see cref="ModelsRouteMissing"/>), and every request
/// is recorded for assertions on the prompt and the body's fields.
/// </summary>
/// <remarks>
/// Every response carries <c>Connection: close</c>, one request per connection: a client's
/// HTTP stack silently resends a request when a reused keep-alive connection closes before any
/// response byte, which would make <see cref="StubReply.Drop"/> consume two scripted replies.
/// </remarks>
public sealed class ModelStub : IDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<StubReply> script = new();
    private readonly ConcurrentQueue<StubRequest> requests = new();
    private readonly Task acceptLoop;

    public ModelStub()
    {
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The base URL a client uses: <c>http://127.0.0.1:PORT/v1</c>.</summary>
    public Uri Endpoint => new($"http://127.0.0.1:{Port}/v1");

    /// <summary>Answer when the script is empty (default: HTTP 500 "no scripted reply").</summary>
    public StubReply Fallback { get; set; } = StubReply.Status(500, "no scripted reply");

    /// <summary>When the script is empty: the reply for a request (null = <see cref="Fallback"/>), for replies that depend on the prompt.</summary>
    public Func<StubRequest, StubReply?>? Responder { get; set; }

    /// <summary>What <c>GET /v1/models</c> lists (default: <c>stub-model</c>, no context window).</summary>
    public IReadOnlyList<StubModel> ServedModels { get; set; } = [new("stub-model")];

    /// <summary>When true, <c>GET /v1/models</c> is a 404 (servers without the route).</summary>
    public bool ModelsRouteMissing { get; set; }

    /// <summary>Every request received, in order (chat completions and model listings).</summary>
    public IReadOnlyList<StubRequest> Requests => [.. requests];

    /// <summary>Only the <c>POST …/chat/completions</c> requests.</summary>
    public IReadOnlyList<StubRequest> ChatRequests => [.. requests.Where(IsChat)];

    /// <summary>A base URL on loopback where nothing listens (connections are refused).</summary>
    public static Uri RefusedEndpoint()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/v1");
    }

    public ModelStub Enqueue(params StubReply[] replies)
    {
        foreach (var reply in replies)
        {
            script.Enqueue(reply);
        }

        return this;
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try { acceptLoop.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
        stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, stop.Token);
                if (request is null)
                {
                    return;
                }

                requests.Enqueue(request);
                var reply = Route(request);
                if (reply.Delay != TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, stop.Token);
                }

                await WriteResponseAsync(stream, reply, stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away (e.g. its timeout fired) or the stub is stopping.
            }
        }
    }

    private static bool IsChat(StubRequest request) => request.Method == "POST" && request.Path.EndsWith("/chat/completions", StringComparison.Ordinal);

    private StubReply Route(StubRequest request)
    {
        if (IsChat(request))
        {
            return script.TryDequeue(out var next) ? next : Responder?.Invoke(request) ?? Fallback;
        }

        return request.Method == "GET" && request.Path.EndsWith("/models", StringComparison.Ordinal) && !ModelsRouteMissing
            ? StubReply.Status(200, ModelsJson(ServedModels))
            : StubReply.Status(404, $"{{\"error\":\"no route {request.Method} {request.Path}\"}}");
    }

    private static async Task<StubRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken token)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (head.Count < 4 || head[^4] != '\r' || head[^3] != '\n' || head[^2] != '\r' || head[^1] != '\n')
        {
            if (await stream.ReadAsync(one, token) == 0)
            {
                return null;
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        byte[] body;
        if (headers.TryGetValue("Content-Length", out var length))
        {
            body = new byte[int.Parse(length, CultureInfo.InvariantCulture)];
            await stream.ReadExactlyAsync(body, token);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = await ReadChunkedAsync(stream, token);
        }
        else
        {
            body = [];
        }

        return new StubRequest(requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body));
    }

    private static async Task<byte[]> ReadChunkedAsync(NetworkStream stream, CancellationToken token)
    {
        var body = new MemoryStream();
        while (true)
        {
            int size = int.Parse(await ReadLineAsync(stream, token), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var chunk = new byte[size + 2];
            if (size == 0)
            {
                await ReadLineAsync(stream, token);
                return body.ToArray();
            }

            await stream.ReadExactlyAsync(chunk, token);
            body.Write(chunk, 0, size);
        }
    }

    private static async Task<string> ReadLineAsync(NetworkStream stream, CancellationToken token)
    {
        var line = new StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one, token) == 1 && one[0] != '\n')
        {
            if (one[0] != '\r')
            {
                line.Append((char)one[0]);
            }
        }

        return line.ToString();
    }

    private static async Task WriteResponseAsync(NetworkStream stream, StubReply reply, CancellationToken token)
    {
        if (reply.DropMode == StubDrop.BeforeResponse)
        {
            return;
        }

        byte[] body = Encoding.UTF8.GetBytes(reply.Body ?? CompletionJson(reply));
        string reason = reply.StatusCode switch { 200 => "OK", 400 => "Bad Request", 401 => "Unauthorized", 404 => "Not Found", 429 => "Too Many Requests", 500 => "Internal Server Error", 503 => "Service Unavailable", _ => "Status" };
        string head = $"HTTP/1.1 {reply.StatusCode} {reason}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), token);
        await stream.WriteAsync(reply.DropMode == StubDrop.MidResponse ? body.AsMemory(0, body.Length / 2) : body, token);
        await stream.FlushAsync(token);
    }

    private static string ModelsJson(IReadOnlyList<StubModel> models)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("object", "list");
            writer.WriteStartArray("data");
            foreach (var model in models)
            {
                writer.WriteStartObject();
                writer.WriteString("id", model.Id);
                writer.WriteString("object", "model");
                writer.WriteNumber("created", 1_700_000_000);
                writer.WriteString("owned_by", "stub");
                if (model.MaxModelLen is { } maxModelLen)
                {
                    writer.WriteNumber("max_model_len", maxModelLen);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string CompletionJson(StubReply reply)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", "chatcmpl-stub");
            writer.WriteString("object", "chat.completion");
            writer.WriteNumber("created", 1_700_000_000);
            writer.WriteString("model", "stub-model");
            writer.WriteStartArray("choices");
            if (!reply.NoChoices)
            {
                writer.WriteStartObject();
                writer.WriteNumber("index", 0);
                writer.WriteStartObject("message");
                writer.WriteString("role", "assistant");
                if (reply.Content is null && reply.Calls.Count > 0)
                {
                    writer.WriteNull("content");
                }
                else
                {
                    writer.WriteString("content", reply.Content ?? "");
                }

                if (reply.Calls.Count > 0)
                {
                    WriteToolCalls(writer, reply.Calls);
                }

                writer.WriteEndObject();
                if (reply.LogProbs is { } logProbs)
                {
                    WriteLogProbs(writer, logProbs);
                }

                writer.WriteString("finish_reason", reply.FinishReason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("usage");
            writer.WriteNumber("prompt_tokens", reply.Usage.PromptTokens);
            writer.WriteNumber("completion_tokens", reply.Usage.CompletionTokens);
            writer.WriteNumber("total_tokens", reply.Usage.TotalTokens);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteToolCalls(Utf8JsonWriter writer, IReadOnlyList<ModelToolCall> calls) => ModelClient.WriteToolCalls(writer, calls);

    private static void WriteLogProbs(Utf8JsonWriter writer, IReadOnlyList<TokenLogProb> logProbs)
    {
        writer.WriteStartObject("logprobs");
        writer.WriteStartArray("content");
        foreach (var position in logProbs)
        {
            writer.WriteStartObject();
            writer.WriteString("token", position.Token);
            writer.WriteNumber("logprob", position.LogProb);
            writer.WriteStartArray("top_logprobs");
            foreach (var alternative in position.TopLogProbs)
            {
                writer.WriteStartObject();
                writer.WriteString("token", alternative.Token);
                writer.WriteNumber("logprob", alternative.LogProb);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
