using System.ClientModel;
using System.ClientModel.Primitives;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
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
/// made tiny for tests, it also retries 408 and I/O errors we want reported at once (connection
/// refused means no server, not a busy one), and it has no per-attempt timeout. Polly gives
/// exponential backoff with jitter, a per-attempt timeout and exactly the retry set we want:
/// HTTP 5xx, 429 and attempt timeouts.
/// The request goes through the SDK's protocol method with our own JSON so the body carries
/// <c>max_tokens</c> (understood by vLLM, SGLang and Ollama alike) rather than the newer
/// <c>max_completion_tokens</c>, and so HTTP errors are statuses we read (no exceptions).
/// </remarks>
public sealed class ModelClient : IModelClient
{
    private const int ErrorBodyChars = 300;
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
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = options.Endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            // Polly's per-attempt timeout fires first; this only bounds a stuck transport.
            NetworkTimeout = options.RequestTimeout + TimeSpan.FromSeconds(30),
        };
        chat = new ChatClient(options.Model, new ApiKeyCredential(options.ApiKey), clientOptions);
        pipeline = BuildPipeline(options);
    }

    public string Model => options.Model;

    /// <summary>The chat-completions URL requests go to (named in every error).</summary>
    public string Url => url;

    public async Task<ModelReply> CompleteAsync(ModelRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var messages = request.Messages;
        if (messages.Count == 0)
        {
            throw new ArgumentException("At least one message is required.", nameof(request));
        }

        byte[] body = RequestBody(messages);
        int attempts = 0;
        var clock = Stopwatch.StartNew();
        ClientResult result;
        try
        {
            result = await pipeline.ExecuteAsync(
                async token =>
                {
                    Interlocked.Increment(ref attempts);
                    var requestOptions = new RequestOptions { CancellationToken = token, ErrorOptions = ClientErrorBehaviors.NoThrow };
                    return await chat.CompleteChatAsync(BinaryContent.Create(BinaryData.FromBytes(body)), requestOptions).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return ModelReply.Failed(
                $"no reply from {url} within {Seconds(options.RequestTimeout)} ({Tries(attempts)})", null, attempts, clock.Elapsed);
        }
        catch (ClientResultException e) when (!cancellationToken.IsCancellationRequested)
        {
            return ModelReply.Failed($"cannot reach {url}: {Reason(e)} ({Tries(attempts)})", e.Status == 0 ? null : e.Status, attempts, clock.Elapsed);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            return ModelReply.Failed($"cannot reach {url}: {Reason(e)} ({Tries(attempts)})", null, attempts, clock.Elapsed);
        }

        var response = result.GetRawResponse();
        if (response.Status is < 200 or > 299)
        {
            return ModelReply.Failed(
                $"HTTP {response.Status} from {url} {(attempts > 1 ? $"after {Tries(attempts)}" : "(not retried)")}: {Excerpt(response.Content.ToString())}",
                response.Status, attempts, clock.Elapsed);
        }

        return ParseReply(response.Content, response.Status, attempts, clock.Elapsed);
    }

    private ModelReply ParseReply(BinaryData content, int status, int attempts, TimeSpan elapsed)
    {
        try
        {
            using var document = JsonDocument.Parse(content.ToMemory());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("choices", out var choices)
                || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0)
            {
                return ModelReply.Failed($"{url} returned no choices: {Excerpt(content.ToString())}", status, attempts, elapsed);
            }

            var choice = choices[0];
            string? finish = choice.TryGetProperty("finish_reason", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            string? text = choice.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object
                && message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            if (string.IsNullOrEmpty(text))
            {
                return ModelReply.Failed(
                    $"{url} returned an empty message (finish_reason {finish ?? "none"})", status, attempts, elapsed) with { FinishReason = finish };
            }

            return new ModelReply { Success = true, Text = text, StatusCode = status, Attempts = attempts, FinishReason = finish, Elapsed = elapsed };
        }
        catch (JsonException e)
        {
            return ModelReply.Failed($"{url} returned invalid JSON ({e.Message}): {Excerpt(content.ToString())}", status, attempts, elapsed);
        }
    }

    private byte[] RequestBody(IReadOnlyList<ModelMessage> messages)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("model", options.Model);
            writer.WriteStartArray("messages");
            foreach (var message in messages)
            {
                writer.WriteStartObject();
                writer.WriteString("role", message.Role);
                writer.WriteString("content", message.Content);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (options.Temperature is { } temperature)
            {
                writer.WriteNumber("temperature", temperature);
            }

            if (options.MaxTokens is { } maxTokens)
            {
                writer.WriteNumber("max_tokens", maxTokens);
            }

            writer.WriteBoolean("stream", false);
            writer.WriteEndObject();
        }

        return stream.ToArray();
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
                    { Result: { } r } => IsTransient(r.GetRawResponse().Status),
                    _ => false,
                }),
            });
        }

        // Inner: each attempt gets its own timeout, so a retry starts with a full budget.
        builder.AddTimeout(options.RequestTimeout);
        return builder.Build();
    }

    private static bool IsTransient(int status) => status is 429 or >= 500;

    private static string Tries(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string Reason(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode == SocketError.ConnectionRefused ? "connection refused" : socket.Message;
            }
        }

        return e.InnerException?.Message ?? e.Message;
    }

    private static string Excerpt(string text)
    {
        var builder = new StringBuilder(text.Length > ErrorBodyChars ? text[..ErrorBodyChars] : text);
        builder.Replace('\n', ' ').Replace('\r', ' ');
        if (text.Length > ErrorBodyChars)
        {
            builder.Append('…');
        }

        return builder.Length == 0 ? "(empty body)" : builder.ToString();
    }
}
