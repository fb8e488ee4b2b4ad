namespace SweLego.Python.Text;

/// <summary>
/// A position numbered the way CPython's <c>ast</c> numbers it: lines from 1, columns from 0
/// counted in UTF-8 bytes from the start of the line.
/// </summary>
public readonly record struct SourceLocation(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
