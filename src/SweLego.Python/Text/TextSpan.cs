namespace SweLego.Python.Text;

/// <summary>A half-open range of UTF-8 byte offsets into a <see cref="SourceText"/>.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End == Start;

    public bool Contains(int offset) => offset >= Start && offset < End;

    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    public bool OverlapsWith(TextSpan other) => Start < other.End && other.Start < End;

    public override string ToString() => $"[{Start}..{End})";
}
