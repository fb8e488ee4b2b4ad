namespace SweLego.Environments.Toml;

/// <summary>How a table came to exist; TOML's redefinition rules depend on it.</summary>
internal enum TableOrigin
{
    /// <summary>Created as a parent by a header such as <c>[a.b]</c> (for <c>a</c>); may be defined later once.</summary>
    Implicit,

    /// <summary>Defined by its own header, or the root; another header for it is an error.</summary>
    Header,

    /// <summary>Created by a dotted key (<c>a.b = 1</c>); headers may add sub-tables but not redefine it.</summary>
    Dotted,

    /// <summary>The body of an inline table while it is being read.</summary>
    Inline,
}
