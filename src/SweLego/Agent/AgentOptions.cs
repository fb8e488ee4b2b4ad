namespace SweLego.Agent;

/// <summary>One episode's limits and sampling; <see cref="Validate"/> names a bad value.</summary>
public sealed record AgentOptions
{
    /// <summary>Model calls allowed (one call = one turn). Default 100, as the released recipe.</summary>
    public int MaxTurns { get; init; } = 100;

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    /// <summary>Tokens one reply may generate; also reserved in the context budget.</summary>
    public int? MaxTokens { get; init; }

    public long? Seed { get; init; }

    /// <summary>
    /// The model's context window in tokens: the episode ends with <c>context_exhausted</c> when the next request
    /// (estimated from the server's last token counts plus about 3 characters per token for what was added since,
    /// plus <see cref="MaxTokens"/>) would not fit. Null: only the server's own refusal ends it.
    /// </summary>
    public int? ContextWindow { get; init; }

    public void Validate()
    {
        if (MaxTurns is < 1 or > 10_000) throw new ArgumentException($"MaxTurns must be from 1 to 10000 (got {MaxTurns}).");
        if (Temperature is { } t && (double.IsNaN(t) || t < 0 || t > 2)) throw new ArgumentException($"Temperature must be from 0 to 2 (got {t}).");
        if (TopP is { } p && (double.IsNaN(p) || p <= 0 || p > 1)) throw new ArgumentException($"TopP must be more than 0 and at most 1 (got {p}).");
        if (MaxTokens is < 1) throw new ArgumentException($"MaxTokens must be at least 1 (got {MaxTokens}).");
        if (ContextWindow is < 1024) throw new ArgumentException($"ContextWindow must be at least 1024 tokens (got {ContextWindow}).");
    }
}
