namespace SweLego.Python.Syntax;

/// <summary>Comparison operators; <c>not in</c> and <c>is not</c> are two tokens but one operator.</summary>
public enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    In,
    NotIn,
    Is,
    IsNot,
}
