namespace SweLego.Python.Syntax;

/// <summary>What a parameter slot of a <c>def</c> or <c>lambda</c> is.</summary>
public enum ParameterKind
{
    /// <summary><c>a</c>, <c>a: int</c>, <c>a=1</c></summary>
    Normal,

    /// <summary><c>*args</c></summary>
    VarPositional,

    /// <summary><c>**kwargs</c></summary>
    VarKeyword,

    /// <summary>A bare <c>*</c>: the following parameters are keyword-only.</summary>
    KeywordOnlyMarker,

    /// <summary><c>/</c>: the preceding parameters are positional-only.</summary>
    PositionalOnlyMarker,
}
