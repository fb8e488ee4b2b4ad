namespace SweLego.Tasks.Synthetic.Coverage;

/// <summary>One code object the coverage plugin saw a test execute: file (repository-relative), co_firstlineno, co_qualname or co_name.</summary>
internal sealed record RecordedCode(string File, int FirstLine, string QualifiedName);
