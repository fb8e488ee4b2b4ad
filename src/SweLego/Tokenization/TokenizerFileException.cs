namespace SweLego.Tokenization;

/// <summary>A tokenizer.json that cannot be used: unreadable, malformed, or a part this tokenizer does not implement (named in the message).</summary>
public sealed class TokenizerFileException(string message, Exception? inner = null) : Exception(message, inner);
