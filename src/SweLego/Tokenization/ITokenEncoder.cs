namespace SweLego.Tokenization;

/// <summary>
/// Turns text into a model's token ids exactly as the trainer's tokenizer does with
/// <c>add_special_tokens=False</c>: added tokens such as <c>&lt;|im_start|&gt;</c> in the text are recognized,
/// nothing is prepended or appended. Implementations are thread-safe.
/// </summary>
public interface ITokenEncoder
{
    /// <summary>What the tokens are counted with (e.g. <c>Qwen3 (tokenizer.json, 151669 tokens)</c>), for reports.</summary>
    string Name { get; }

    IReadOnlyList<int> Encode(string text);

    /// <summary>The number of ids <see cref="Encode"/> gives, without keeping them.</summary>
    int Count(string text);
}
