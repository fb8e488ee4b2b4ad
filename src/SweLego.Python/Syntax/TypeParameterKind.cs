namespace SweLego.Python.Syntax;

/// <summary>The three kinds of PEP 695 type parameters.</summary>
public enum TypeParameterKind
{
    /// <summary><c>T</c>, <c>T: bound</c></summary>
    TypeVar,

    /// <summary><c>*Ts</c></summary>
    TypeVarTuple,

    /// <summary><c>**P</c></summary>
    ParamSpec,
}
