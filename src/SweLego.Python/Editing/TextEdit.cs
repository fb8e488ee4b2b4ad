using SweLego.Python.Text;

namespace SweLego.Python.Editing;

/// <summary>Replace the UTF-8 byte range <see cref="Span"/> of the original text with <see cref="NewText"/>.</summary>
public sealed record TextEdit(TextSpan Span, string NewText);
