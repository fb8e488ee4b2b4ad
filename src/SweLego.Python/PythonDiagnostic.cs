namespace SweLego.Python;

/// <summary>
/// A syntax error found while decoding, tokenizing or parsing. <see cref="Line"/> counts from 1 and
/// <see cref="Column"/> from 0 in UTF-8 bytes, like CPython's <c>ast</c> positions;
/// <see cref="Offset"/> is the UTF-8 byte offset into the decoded text.
/// </summary>
public sealed record PythonDiagnostic(int Offset, int Line, int Column, string Message)
{
    public override string ToString() => $"{Line}:{Column}: {Message}";
}
