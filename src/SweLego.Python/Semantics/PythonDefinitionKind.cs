namespace SweLego.Python.Semantics;

/// <summary>What a <see cref="PythonDefinition"/> is, named like the CPython <c>ast</c> classes.</summary>
public enum PythonDefinitionKind
{
    FunctionDef,
    AsyncFunctionDef,
    ClassDef,
}
