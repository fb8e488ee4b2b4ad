namespace SweLego.Models;

/// <summary>
/// One chat-completion request. Every sampling field left null keeps the client's default
/// (<see cref="ModelClientOptions"/>) or, when that is null too, the server's.
/// </summary>
public sealed record ModelRequest(IReadOnlyList<ModelMessage> Messages)
{
    /// <summary>Native tool definitions (OpenAI <c>tools</c>); null or empty sends none (the text protocol).</summary>
    public IReadOnlyList<ModelTool>? Tools { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    /// <summary>Upper bound on generated tokens (<c>max_tokens</c>).</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Stop sequences (the text protocol sends <c>&lt;/function</c>).</summary>
    public IReadOnlyList<string>? Stop { get; init; }

    public long? Seed { get; init; }

    /// <summary>When set, asks for token log-probabilities with this many alternatives per position (0–20).</summary>
    public int? TopLogProbs { get; init; }

    /// <summary>Time allowed for one HTTP attempt; null uses <see cref="ModelClientOptions.RequestTimeout"/>.</summary>
    public TimeSpan? Timeout { get; init; }
}

/// <summary>A native tool: its name, description and JSON-Schema parameters object.</summary>
public sealed record ModelTool(string Name, string Description, System.Text.Json.Nodes.JsonObject Parameters);

/// <summary>
/// A native tool call as the server sent it. <see cref="ArgumentsJson"/> is kept raw: a model
/// may send invalid JSON, which the agent repairs or reports, never the client.
/// </summary>
public sealed record ModelToolCall(string Id, string Name, string ArgumentsJson);

/// <summary>Token counts the server reported for one completion.</summary>
public sealed record ModelUsage(int PromptTokens, int CompletionTokens)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}

/// <summary>One generated token's log-probability and, when asked, its top alternatives.</summary>
public sealed record TokenLogProb(string Token, double LogProb, IReadOnlyList<TokenAlternative> TopLogProbs);

/// <summary>An alternative token at one position.</summary>
public sealed record TokenAlternative(string Token, double LogProb);
