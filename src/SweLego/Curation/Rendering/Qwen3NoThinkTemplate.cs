namespace SweLego.Curation.Rendering;

/// <summary>
/// LLaMA-Factory's <c>qwen3_nothink</c> template (spec §3), as its <c>Template._encode</c> applies it: turn 0's
/// prompt is the system element then the user element, each later prompt one user element, each response one
/// assistant element; every element is tokenized on its own (<c>add_special_tokens=False</c>) and the ids
/// concatenated, which is what <see cref="PromptElements"/> and <see cref="ResponseElement"/> hand the counter.
/// An empty system prompt adds no element (the template has no default system prompt).
/// </summary>
public static class Qwen3NoThinkTemplate
{
    public const string Name = "qwen3_nothink";

    public static string SystemElement(string content) => $"<|im_start|>system\n{content}<|im_end|>\n";

    public static string UserElement(string content) => $"<|im_start|>user\n{content}<|im_end|>\n<|im_start|>assistant\n";

    /// <summary>The response: the content and <c>&lt;|im_end|&gt;\n</c>, all of it trained unless the turn is masked.</summary>
    public static string ResponseElement(string content) => $"{content}<|im_end|>\n";

    /// <summary>The elements of turn <paramref name="turn"/>'s prompt (0-based): the system (turn 0, when not empty) and the user message.</summary>
    public static IEnumerable<string> PromptElements(int turn, string? system, string user)
    {
        if (turn == 0 && !string.IsNullOrEmpty(system)) yield return SystemElement(system);
        yield return UserElement(user);
    }
}
