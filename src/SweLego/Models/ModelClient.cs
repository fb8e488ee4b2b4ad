using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Text.Json;
using OpenAI;
using OpenAI.Chat;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace SweLego.Models;

/// <summary>
/// An OpenAI-compatible chat client over the official OpenAI SDK's <see cref="ChatClient"/> with a
/// custom endpoint. Failures a caller should expect come back as <see cref="ModelReply"/> values.
/// </summary>
/// <remarks>
/// Retries use Polly rather than the SDK's <see cref="ClientRetryPolicy"/> (disabled here with
/// <c>new ClientRetryPolicy(0)</c>): the SDK's delays are fixed (about 0.8 s doubling) and cannot be
/// made tiny for tests, it also retries 408 and refused connections we want reported at once
/// (connection refused means no server, not a busy one), and it has no per-attempt timeout. Polly
/// gives exponential backoff with jitter, a per-attempt timeout (per request when
/// <see cref="ModelRequest.Timeout"/> is set) and exactly the retry set we want: HTTP 5xx, 429,
/// attempt timeouts and dropped connections.
/// The request goes through the SDK's protocol method with our own JSON so the body carries
/// <c>max_tokens</c> (understood by vLLM, SGLang and Ollama alike) rather than the newer
/// <c>max_completion_tokens</c>, and so HTTP errors are statuses we read (no exceptions).
/// </remarks>
public sealed class ModelClient : IModelClient
{
    private static readonly ResiliencePropertyKey<TimeSpan> AttemptTimeout = new("swelego.model.attempt-timeout");
    private readonly ModelClientOptions options;
    private readonly ChatClient chat;
    private readonly ResiliencePipeline<ClientResult> pipeline;
    private readonly string url;

    public ModelClient(ModelClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        url = options.Endpoint!.AbsoluteUri.TrimEnd('/') + "/chat/completions";
        chat = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey), SdkOptions(options));
        pipeline = BuildPipeline(options);
    }

    public string Model => options.Model;

    /// <summary>The chat-completions URL requests go to (named in every error).</summary>
    public string Url => url;

    public async Task<ModelReply> CompleteAsync(ModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Validate(request);
        byte[] body = RequestBody(request);
        TimeSpan timeout = request.Timeout ?? options.RequestTimeout;
        int attempts = 0;
        var attemptClock = new Stopwatch();
        var clock = Stopwatch.StartNew();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(AttemptTimeout, timeout);
        ClientResult result;
        try
        {
            result = await pipeline.ExecuteAsync(
                async attemptContext =>
                {
                    attempts++;
                    attemptClock.Restart();
                    var requestOptions = new RequestOptions { CancellationToken = attemptContext.CancellationToken, ErrorOptions = ClientErrorBehaviors.NoThrow };
                    return await chat.CompleteChatAsync(BinaryContent.Create(BinaryData.FromBytes(body)), requestOptions).ConfigureAwait(false);
                },
                context).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return Failed($"no reply from {url} within {TransportErrors.Seconds(timeout)} ({Tries(attempts)})", null);
        }
        catch (Exception e) when (TransportErrors.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            string error = TransportErrors.IsDropped(e)
                ? $"{url} dropped the connection before a full reply: {TransportErrors.Reason(e)} ({Tries(attempts)})"
                : $"cannot reach {url}: {TransportErrors.Reason(e)} ({Tries(attempts)})";
            return Failed(error, e is ClientResultException { Status: > 0 } c ? c.Status : null);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        attemptClock.Stop();
        var response = result.GetRawResponse();
        if (response.Status is < 200 or > 299)
        {
            return Failed(
                $"HTTP {response.Status} from {url} {(attempts > 1 ? $"after {Tries(attempts)}" : "(not retried)")}: {TransportErrors.Excerpt(response.Content.ToString())}",
                response.Status);
        }

        return ParseReply(response.Content, response.Status) with { Attempts = attempts, Elapsed = clock.Elapsed, Latency = attemptClock.Elapsed };

        ModelReply Failed(string error, int? status) =>
            ModelReply.Failed(error, status, attempts, clock.Elapsed) with { Latency = attemptClock.Elapsed };
    }

    /// <summary>The SDK options every client of one server shares (the preflight reuses them).</summary>
    internal static OpenAIClientOptions SdkOptions(ModelClientOptions options) => new()
    {
        Endpoint = options.Endpoint,
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        // Polly's per-attempt timeout (at most SamplingChecks.MaxTimeout) fires first; this only bounds a stuck transport.
        NetworkTimeout = SamplingChecks.MaxTimeout + TimeSpan.FromSeconds(30),
    };

    private static void Validate(ModelRequest request)
    {
        if (request.Messages.Count == 0)
        {
            throw new ArgumentException("At least one message is required.", nameof(request));
        }

        for (int i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            if (message.Role is not ("system" or "user" or "assistant" or "tool"))
            {
                throw new ArgumentException($"ModelRequest.Messages[{i}].Role must be system, user, assistant or tool, not '{message.Role}'.", nameof(request));
            }

            if (message.Role == "tool" && string.IsNullOrEmpty(message.ToolCallId))
            {
                throw new ArgumentException($"ModelRequest.Messages[{i}] is a tool message without a ToolCallId.", nameof(request));
            }

            if (message.ToolCalls is { Count: > 0 } && message.Role != "assistant")
            {
                throw new ArgumentException($"ModelRequest.Messages[{i}] carries tool calls but its role is {message.Role}, not assistant.", nameof(request));
            }
        }

        SamplingChecks.Temperature(request.Temperature, "ModelRequest.Temperature");
        SamplingChecks.TopP(request.TopP, "ModelRequest.TopP");
        SamplingChecks.MaxTokens(request.MaxTokens, "ModelRequest.MaxTokens");
        SamplingChecks.Timeout(request.Timeout, "ModelRequest.Timeout");
        if (request.TopLogProbs is < 0 or > 20)
        {
            throw new ArgumentException($"ModelRequest.TopLogProbs must be between 0 and 20, not {request.TopLogProbs}.", nameof(request));
        }

        if (request.Stop?.Any(string.IsNullOrEmpty) == true)
        {
            throw new ArgumentException("ModelRequest.Stop must not contain empty sequences.", nameof(request));
        }
    }

    private ModelReply ParseReply(BinaryData content, int status)
    {
        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            {
                return ModelReply.Failed($"{url} returned no choices: {TransportErrors.Excerpt(content.ToString())}", status, 0, TimeSpan.Zero);
            }

            var choice = choices[0];
            var message = choice.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
            return new ModelReply
            {
                Success = true,
                Text = String(message, "content") ?? "",
                StatusCode = status,
                FinishReason = String(choice, "finish_reason"),
                ToolCalls = ToolCalls(message),
                Usage = Usage(root),
                LogProbs = LogProbs(choice),
            };
        }
        catch (JsonException e)
        {
            return ModelReply.Failed($"{url} returned invalid JSON ({e.Message}): {TransportErrors.Excerpt(content.ToString())}", status, 0, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// <c>message.tool_calls</c>; <c>arguments</c> stays the raw string (an object some servers send
    /// is kept as its JSON text), and a missing id becomes <c>call_INDEX</c> so tool results can answer it.
    /// </summary>
    private static List<ModelToolCall> ToolCalls(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var result = new List<ModelToolCall>();
        foreach (var call in calls.EnumerateArray().Where(c => c.ValueKind == JsonValueKind.Object))
        {
            var function = call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
            string arguments = function.ValueKind == JsonValueKind.Object && function.TryGetProperty("arguments", out var a)
                ? (a.ValueKind == JsonValueKind.String ? a.GetString()! : a.GetRawText())
                : "";
            result.Add(new ModelToolCall(String(call, "id") ?? $"call_{result.Count}", String(function, "name") ?? "", arguments));
        }

        return result;
    }

    private static ModelUsage? Usage(JsonElement root) =>
        root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object
        && usage.TryGetProperty("prompt_tokens", out var prompt) && prompt.TryGetInt32(out int promptTokens)
        && usage.TryGetProperty("completion_tokens", out var completion) && completion.TryGetInt32(out int completionTokens)
            ? new ModelUsage(promptTokens, completionTokens)
            : null;

    /// <summary><c>choices[0].logprobs.content[]</c> with each position's <c>top_logprobs</c>; null when absent.</summary>
    private static List<TokenLogProb>? LogProbs(JsonElement choice)
    {
        if (!choice.TryGetProperty("logprobs", out var logprobs) || logprobs.ValueKind != JsonValueKind.Object
            || !logprobs.TryGetProperty("content", out var positions) || positions.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        return [.. positions.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object).Select(p => new TokenLogProb(
            String(p, "token") ?? "",
            LogProb(p),
            p.TryGetProperty("top_logprobs", out var top) && top.ValueKind == JsonValueKind.Array
                ? [.. top.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Object).Select(t => new TokenAlternative(String(t, "token") ?? "", LogProb(t)))]
                : []))];
    }

    /// <summary>A position's <c>logprob</c>; a missing or non-numeric value means impossible (-∞).</summary>
    private static double LogProb(JsonElement element) =>
        element.TryGetProperty("logprob", out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : double.NegativeInfinity;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private byte[] RequestBody(ModelRequest request)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("model", options.Model);
            writer.WriteStartArray("messages");
            foreach (var message in request.Messages)
            {
                WriteMessage(writer, message);
            }

            writer.WriteEndArray();
            if (request.Tools is { Count: > 0 } tools)
            {
                writer.WriteStartArray("tools");
                foreach (var tool in tools)
                {
                    writer.WriteStartObject();
                    writer.WriteString("type", "function");
                    writer.WriteStartObject("function");
                    writer.WriteString("name", tool.Name);
                    writer.WriteString("description", tool.Description);
                    writer.WritePropertyName("parameters");
                    tool.Parameters.WriteTo(writer);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            if ((request.Temperature ?? options.Temperature) is { } temperature)
            {
                writer.WriteNumber("temperature", temperature);
            }

            if ((request.TopP ?? options.TopP) is { } topP)
            {
                writer.WriteNumber("top_p", topP);
            }

            if ((request.MaxTokens ?? options.MaxTokens) is { } maxTokens)
            {
                writer.WriteNumber("max_tokens", maxTokens);
            }

            if (request.Stop is { Count: > 0 } stop)
            {
                writer.WriteStartArray("stop");
                foreach (string sequence in stop)
                {
                    writer.WriteStringValue(sequence);
                }

                writer.WriteEndArray();
            }

            if ((request.Seed ?? options.Seed) is { } seed)
            {
                writer.WriteNumber("seed", seed);
            }

            if (request.TopLogProbs is { } topLogProbs)
            {
                writer.WriteBoolean("logprobs", true);
                writer.WriteNumber("top_logprobs", topLogProbs);
            }

            writer.WriteBoolean("stream", false);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// One message. An assistant message with tool calls and no text sends <c>"content": null</c>,
    /// the OpenAI convention vLLM, SGLang and Ollama accept (and chat templates test for).
    /// </summary>
    private static void WriteMessage(Utf8JsonWriter writer, ModelMessage message)
    {
        writer.WriteStartObject();
        writer.WriteString("role", message.Role);
        if (message.ToolCalls is { Count: > 0 } calls)
        {
            if (message.Content.Length == 0)
            {
                writer.WriteNull("content");
            }
            else
            {
                writer.WriteString("content", message.Content);
            }

            WriteToolCalls(writer, calls);
        }
        else
        {
            writer.WriteString("content", message.Content);
        }

        if (message.ToolCallId is { } toolCallId)
        {
            writer.WriteString("tool_call_id", toolCallId);
        }

        writer.WriteEndObject();
    }

    private static ResiliencePipeline<ClientResult> BuildPipeline(ModelClientOptions options)
    {
        var builder = new ResiliencePipelineBuilder<ClientResult>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<ClientResult>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: TimeoutRejectedException } => true,
                    { Exception: { } e } => TransportErrors.IsDropped(e),
                    { Result: { } r } => IsTransient(r.GetRawResponse().Status),
                    _ => false,
                }),
            });
        }

        // Inner: each attempt gets its own timeout (the request's, else the options'), so a retry starts with a full budget.
        builder.AddTimeout(new TimeoutStrategyOptions
        {
            TimeoutGenerator = args => ValueTask.FromResult(args.Context.Properties.GetValue(AttemptTimeout, options.RequestTimeout)),
        });
        return builder.Build();
    }

    private static bool IsTransient(int status) => status is 429 or >= 500;

    private static string Tries(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    /// <summary>An assistant message's <c>tool_calls</c> array in the OpenAI shape (also what test servers send back).</summary>
    internal static void WriteToolCalls(Utf8JsonWriter writer, IReadOnlyList<ModelToolCall> calls)
    {
        writer.WriteStartArray("tool_calls");
        foreach (var call in calls)
        {
            writer.WriteStartObject();
            writer.WriteString("id", call.Id);
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", call.Name);
            writer.WriteString("arguments", call.ArgumentsJson);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
