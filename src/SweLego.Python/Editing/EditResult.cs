namespace SweLego.Python.Editing;

/// <summary>
/// The outcome of applying edits: the new text, the new file bytes (original encoding and BOM)
/// and a unified diff that <c>git apply</c> accepts. When the new text cannot be stored in the
/// file's declared encoding, <see cref="EncodingError"/> says why and <see cref="NewBytes"/> is UTF-8.
/// </summary>
public sealed record EditResult(string OldText, string NewText, byte[] NewBytes, string Diff, byte[] DiffBytes, string? EncodingError)
{
    public bool HasChanges => !string.Equals(OldText, NewText, StringComparison.Ordinal);
}
