using SweLego.Models;

namespace SweLego.Agent;

/// <summary>
/// Whether the next request still fits the model's window (<see cref="AgentOptions.ContextWindow"/>): the server's
/// token count of the last request and reply, plus an estimate of about 3 characters per token for the messages
/// added since (code and logs tokenize densely), plus the tokens a reply may take.
/// </summary>
internal sealed class ContextBudget(AgentOptions options)
{
    private const double CharsPerToken = 3;
    private int known;
    private int knownMessages;

    /// <summary>Records the server's count after a reply to a request of <paramref name="messages"/> messages.</summary>
    public void Observe(ModelReply reply, int messages)
    {
        if (reply.Usage is { } usage) (known, knownMessages) = (usage.TotalTokens, messages + 1);
    }

    /// <summary>The estimated need when it exceeds the window, else null.</summary>
    public int? Exceeds(IReadOnlyList<ModelMessage> messages)
    {
        if (options.ContextWindow is not { } window) return null;
        long chars = 0;
        for (int i = knownMessages; i < messages.Count; i++) chars += messages[i].Content.Length + 8;
        int need = known + (int)Math.Ceiling(chars / CharsPerToken) + (options.MaxTokens ?? 0);
        return need > window ? need : null;
    }

    /// <summary>A server's refusal because the prompt is too long (vLLM, SGLang and OpenAI say so in a 400).</summary>
    public static bool IsOverflow(ModelReply reply) =>
        reply.StatusCode == 400 && reply.Error is { } error
        && (error.Contains("context length", StringComparison.OrdinalIgnoreCase) || error.Contains("context window", StringComparison.OrdinalIgnoreCase)
            || error.Contains("maximum context", StringComparison.OrdinalIgnoreCase) || error.Contains("too long", StringComparison.OrdinalIgnoreCase));
}
