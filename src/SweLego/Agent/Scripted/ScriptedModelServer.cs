using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SweLego.Agent.Scripted;

/// <summary>
/// An OpenAI-compatible chat server on loopback (Kestrel, an ephemeral port) whose replies come from a script instead of
/// a model: for benchmarks and demos that must exercise the real client, HTTP and agent loop without a model. The script
/// sees the request's messages and returns the assistant's text; the server cuts it at the first stop sequence, as vLLM
/// does, and reports token usage as an estimate (4 characters per token) — it is not a tokenizer. <c>GET /v1/models</c>
/// lists <see cref="Model"/> so a preflight check passes.
/// </summary>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly System.Collections.Concurrent.ConcurrentQueue<double> processing = new();

    private ScriptedModelServer(WebApplication app, string model) => (this.app, Model) = (app, model);

    public string Model { get; }

    /// <summary>
    /// Milliseconds the server spent per request from the parsed body to the reply (reading the messages, the script,
    /// building the JSON), in arrival order: the "model's" time, which a benchmark of the agent does not count as its own.
    /// Reading the body off the socket is not in it.
    /// </summary>
    public IReadOnlyList<double> ProcessingMilliseconds => [.. processing];

    /// <summary>The base URL with <c>/v1</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <param name="script">The reply text for a request's messages (role, content), called concurrently.</param>
    public static async Task<ScriptedModelServer> StartAsync(string model, Func<IReadOnlyList<(string Role, string Content)>, string> script, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/v1/models", () => Results.Json(new JsonObject
        {
            ["object"] = "list", ["data"] = new JsonArray(new JsonObject { ["id"] = model, ["object"] = "model", ["owned_by"] = "swelego-scripted" }),
        }));
        var server = new ScriptedModelServer(app, model);
        app.MapPost("/v1/chat/completions", async (HttpRequest request) =>
        {
            using var body = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            long start = Stopwatch.GetTimestamp();
            var messages = new List<(string Role, string Content)>();
            if (body.RootElement.TryGetProperty("messages", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var message in list.EnumerateArray())
                {
                    string role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
                    string content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
                    messages.Add((role, content));
                }
            }

            string text = Cut(script(messages), body.RootElement.TryGetProperty("stop", out var stop) ? stop : default);
            int prompt = messages.Sum(m => m.Content.Length) / 4, completion = Math.Max(1, text.Length / 4);
            var reply = new JsonObject
            {
                ["id"] = "scripted-" + Guid.NewGuid().ToString("N"), ["object"] = "chat.completion", ["model"] = model,
                ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion },
            };
            server.processing.Enqueue(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            return Results.Json(reply);
        });
        await app.StartAsync(cancellationToken);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/v1");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string Cut(string text, JsonElement stop)
    {
        var sequences = stop.ValueKind switch
        {
            JsonValueKind.Array => stop.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToList(),
            JsonValueKind.String => [stop.GetString()!],
            _ => [],
        };
        int at = sequences.Select(s => text.IndexOf(s, StringComparison.Ordinal)).Where(i => i >= 0).DefaultIfEmpty(text.Length).Min();
        return text[..at];
    }
}
