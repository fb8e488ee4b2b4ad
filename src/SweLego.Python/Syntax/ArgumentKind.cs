namespace SweLego.Python.Syntax;

/// <summary>How an argument is passed in a call or class header.</summary>
public enum ArgumentKind
{
    /// <summary><c>f(x)</c></summary>
    Positional,

    /// <summary><c>f(name=x)</c></summary>
    Keyword,

    /// <summary><c>f(*xs)</c></summary>
    Unpacked,

    /// <summary><c>f(**kw)</c></summary>
    DictionaryUnpacked,
}
