using SweLego.Tokenization;

namespace SweLego.Curation.Rendering;

/// <summary>
/// Counts what LLaMA-Factory's supervised processor (the SWE-Lego fork, <c>turn_mask: true</c>,
/// <c>train_on_prompt</c> and <c>mask_history</c> off, no packing) makes of one record: the turns in order, each
/// prompt/response pair cut by <see cref="InferSeqLen"/> against what is left of <c>cutoff_len</c>, the turn that
/// crosses the limit cut and every later turn dropped; a masked turn's response stays in the sequence without
/// labels. Nothing is added at the ends (the template's <c>efficient_eos</c> is off).
/// </summary>
public static class TokenAccounting
{
    /// <summary>One record's counts. <paramref name="messages"/> must already satisfy the loader's rules (see <see cref="SftConversation"/>).</summary>
    public static TruncatedRecord Count(IReadOnlyList<SftMessage> messages, ITokenEncoder encoder, int cutoffLen)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(encoder);
        return Truncate(Pairs(messages, encoder), cutoffLen);
    }

    /// <summary>The loop of LLaMA-Factory's <c>_encode_data_example</c> over (prompt, response, masked) lengths.</summary>
    public static TruncatedRecord Truncate(IReadOnlyList<TurnLengths> pairs, int cutoffLen)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(cutoffLen, 1);
        long total = 0, trained = 0, masked = 0, full = 0;
        var responses = new int[pairs.Count];
        foreach (var pair in pairs) full += pair.Prompt + pair.Response;
        for (int i = 0; i < pairs.Count && total < cutoffLen; i++)
        {
            var (source, target) = InferSeqLen(pairs[i].Prompt, pairs[i].Response, (int)(cutoffLen - total));
            total += source + target;
            responses[i] = target;
            if (pairs[i].Masked) masked += target;
            else trained += target;
        }

        return new TruncatedRecord(new TokenCounts(total, trained, masked, full - total), responses);
    }

    /// <summary>
    /// LLaMA-Factory's <c>infer_seqlen</c>: how much of a prompt of <paramref name="sourceLen"/> and a response of
    /// <paramref name="targetLen"/> tokens fits in <paramref name="cutoffLen"/>. A response shorter than half the room
    /// is kept whole and the prompt cut; else a prompt shorter than half the room is kept whole and the response cut;
    /// else both are cut in proportion (Python's <c>int()</c> of a float product: truncation toward zero).
    /// </summary>
    public static (int Source, int Target) InferSeqLen(int sourceLen, int targetLen, int cutoffLen)
    {
        long maxTarget;
        if ((long)targetLen * 2 < cutoffLen) maxTarget = cutoffLen;
        else if ((long)sourceLen * 2 < cutoffLen) maxTarget = cutoffLen - sourceLen;
        else maxTarget = (long)(cutoffLen * ((double)targetLen / ((double)sourceLen + targetLen)));

        int newTarget = (int)Math.Min(maxTarget, targetLen);
        int maxSource = Math.Max(cutoffLen - newTarget, 0);
        int newSource = Math.Min(maxSource, sourceLen);
        return (newSource, newTarget);
    }

    /// <summary>Token lengths of each (prompt, response) pair, each element encoded on its own as the template does.</summary>
    public static IReadOnlyList<TurnLengths> Pairs(IReadOnlyList<SftMessage> messages, ITokenEncoder encoder)
    {
        int start = messages.Count > 0 && messages[0].Role == SftMessage.System ? 1 : 0;
        string? system = start == 1 ? messages[0].Content : null;
        if ((messages.Count - start) % 2 != 0)
            throw new ArgumentException($"A record needs user/assistant pairs after the system message; it has {messages.Count - start} messages.", nameof(messages));
        var pairs = new List<TurnLengths>((messages.Count - start) / 2);
        for (int i = start, turn = 0; i < messages.Count; i += 2, turn++)
        {
            var (user, assistant) = (messages[i], messages[i + 1]);
            if (user.Role != SftMessage.User || assistant.Role != SftMessage.Assistant)
                throw new ArgumentException($"Messages {i} and {i + 1} are {user.Role}/{assistant.Role}, not user/assistant.", nameof(messages));
            int prompt = 0;
            foreach (string element in Qwen3NoThinkTemplate.PromptElements(turn, system, user.Content)) prompt += encoder.Count(element);
            int response = encoder.Count(Qwen3NoThinkTemplate.ResponseElement(assistant.Content));
            pairs.Add(new TurnLengths(prompt, response, assistant.TurnMask == true));
        }

        return pairs;
    }
}

/// <summary>A record's counts after the cut, and each turn's response tokens left in the sequence (0 for dropped turns).</summary>
public sealed record TruncatedRecord(TokenCounts Counts, IReadOnlyList<int> ResponseTokens);

/// <summary>Token lengths of one prompt/response pair and whether its response is masked.</summary>
public readonly record struct TurnLengths(int Prompt, int Response, bool Masked);
