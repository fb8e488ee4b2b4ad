namespace SweLego.Tokenization;

/// <summary>
/// One entry of tokenizer.json's <c>added_tokens</c>: text matched literally before pre-tokenization
/// (<c>&lt;|im_start|&gt;</c>, <c>&lt;tool_call&gt;</c>, …). <see cref="Normalized"/> tokens are matched in the
/// normalized text, the others in the raw text; <see cref="SingleWord"/> ones only between non-word characters;
/// <see cref="LeftStrip"/>/<see cref="RightStrip"/> take the whitespace beside them into the token.
/// </summary>
public sealed record AddedToken(int Id, string Content, bool Special, bool Normalized, bool SingleWord, bool LeftStrip, bool RightStrip);
