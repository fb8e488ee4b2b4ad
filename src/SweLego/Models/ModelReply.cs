namespace SweLego.Models;

/// <summary>
/// The outcome of one completion, retries included. Expected failures (HTTP errors after the
/// retries, timeouts, refused connections, replies without a choice) are values:
/// <see cref="Success"/> is false and <see cref="Error"/> names the endpoint and the reason.
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

    public TimeSpan Elapsed { get; init; }

    /// <summary>Native tool calls of the first choice (empty in the text protocol).</summary>
    public IReadOnlyList<ModelToolCall> ToolCalls { get; init; } = [];

    /// <summary>Token counts, when the server reported them.</summary>
    public ModelUsage? Usage { get; init; }

    /// <summary>Per-token log-probabilities, when the request asked for them and the server sent them.</summary>
    public IReadOnlyList<TokenLogProb>? LogProbs { get; init; }

    public static ModelReply Failed(string error, int? statusCode, int attempts, TimeSpan elapsed) =>
        new() { Success = false, Error = error, StatusCode = statusCode, Attempts = attempts, Elapsed = elapsed };
}
