namespace SweLego.Models;

/// <summary>
/// The outcome of one completion, retries included. Expected failures (HTTP errors after the
/// retries, timeouts, refused connections, replies without a choice) are values:
/// <see cref="Success"/> is false and <see cref="Error"/> names the endpoint and the reason.
/// A reply with no text is a success (native tool calls, or a model that said nothing): the agent
/// answers it with its "no call" message; callers that need text use <see cref="TextFailure"/>.
/// </summary>
public sealed record ModelReply
{
    public required bool Success { get; init; }

    /// <summary>The first choice's message content; empty on failure.</summary>
    public string Text { get; init; } = "";

    /// <summary>Why the completion failed (null on success), e.g. "HTTP 500 from http://…/chat/completions after 4 attempts: …".</summary>
    public string? Error { get; init; }

    /// <summary>The last HTTP status seen, or null when no response arrived (timeout, connection refused).</summary>
    public int? StatusCode { get; init; }

    /// <summary>HTTP attempts made (1 + retries).</summary>
    public int Attempts { get; init; }

    /// <summary>The choice's <c>finish_reason</c> (<c>stop</c>, <c>length</c>), when the server sent one.</summary>
    public string? FinishReason { get; init; }

    /// <summary>The whole call: every attempt and the backoff between them.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>The last HTTP attempt alone (the one this reply comes from): generation speed is <c>CompletionTokens / Latency</c>.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Native tool calls of the first choice (empty in the text protocol).</summary>
    public IReadOnlyList<ModelToolCall> ToolCalls { get; init; } = [];

    /// <summary>Token counts, when the server reported them.</summary>
    public ModelUsage? Usage { get; init; }

    /// <summary>Per-token log-probabilities, when the request asked for them and the server sent them.</summary>
    public IReadOnlyList<TokenLogProb>? LogProbs { get; init; }

    /// <summary>
    /// Why a caller that needs text cannot use this reply: <see cref="Error"/> when the call failed,
    /// a note naming the finish reason when the text is empty; null when there is text.
    /// </summary>
    public string? TextFailure => !Success ? Error
        : Text.Length == 0 ? $"the model returned an empty message (finish_reason {FinishReason ?? "none"})"
        : null;

    public static ModelReply Failed(string error, int? statusCode, int attempts, TimeSpan elapsed) =>
        new() { Success = false, Error = error, StatusCode = statusCode, Attempts = attempts, Elapsed = elapsed };
}
