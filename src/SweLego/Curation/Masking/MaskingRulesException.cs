namespace SweLego.Curation.Masking;

/// <summary>
/// A masking rules file is invalid. <see cref="Exception.Message"/> is <c>file:line:column: field: reason</c>
/// (line and column 1-based), so editors can jump to it and the user sees which key is wrong.
/// </summary>
public sealed class MaskingRulesException : Exception
{
    public MaskingRulesException()
    {
    }

    public MaskingRulesException(string message)
        : base(message)
    {
    }

    public MaskingRulesException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    internal static MaskingRulesException At(string file, long line, long column, string field, string reason, Exception? inner = null) =>
        new($"{file}:{line}:{column}: {field}: {reason}", inner);
}
