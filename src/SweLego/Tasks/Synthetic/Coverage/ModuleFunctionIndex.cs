using SweLego.Python;
using SweLego.Python.Semantics;

namespace SweLego.Tasks.Synthetic.Coverage;

/// <summary>
/// Finds the parser's function for a code object's (<c>co_firstlineno</c>, <c>co_qualname</c>):
/// a decorated function's first line is its first decorator's on Python 3.8–3.13 while the
/// parser's <see cref="PythonDefinition.Range"/> starts at <c>def</c>, so both lines are indexed.
/// The code object's name must equal the function's, so a lambda or comprehension on a
/// <c>def</c> line is not taken for the function.
/// </summary>
internal sealed class ModuleFunctionIndex
{
    private readonly Dictionary<int, List<PythonFunction>> _byLine = [];

    public ModuleFunctionIndex(ParsedModule module)
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (var function in module.Functions)
        {
            Add(function.StartLine, function);
            int decoratorLine = module.Text.GetLocation(function.FullSpan.Start).Line;
            if (decoratorLine != function.StartLine) Add(decoratorLine, function);
        }
    }

    /// <param name="qualifiedName">co_qualname (3.11+) or co_name (3.8–3.10).</param>
    public PythonFunction? Find(int firstLine, string qualifiedName)
    {
        if (!_byLine.TryGetValue(firstLine, out var candidates)) return null;
        string name = qualifiedName[(qualifiedName.LastIndexOf('.') + 1)..];
        PythonFunction? byName = null;
        foreach (var function in candidates)
        {
            if (function.QualifiedName == qualifiedName) return function;
            if (function.Name == name) byName ??= function;
        }

        return byName;
    }

    private void Add(int line, PythonFunction function)
    {
        if (!_byLine.TryGetValue(line, out var list)) _byLine[line] = list = [];
        list.Add(function);
    }
}
