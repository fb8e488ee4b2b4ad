namespace SweLego.Python.Text;

/// <summary>
/// A start and end position in CPython's <c>ast</c> numbering (<c>lineno</c>, <c>col_offset</c>,
/// <c>end_lineno</c>, <c>end_col_offset</c>).
/// </summary>
public readonly record struct SourceRange(int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public SourceLocation Start => new(StartLine, StartColumn);

    public SourceLocation End => new(EndLine, EndColumn);

    public override string ToString() => $"{StartLine}:{StartColumn}-{EndLine}:{EndColumn}";
}
