namespace SweLego.Python.Checking;

/// <summary>
/// One function or class as CPython's <c>ast</c> numbers it: <see cref="Kind"/> is the ast class
/// name, lines count from 1, columns from 0 in UTF-8 bytes, and a decorated definition starts at
/// its <c>def</c>/<c>class</c>.
/// </summary>
public sealed record PythonDefinitionReport(string Kind, string QualifiedName, int Line, int Column, int EndLine, int EndColumn);
