using SweLego.Python.Syntax;

namespace SweLego.Python.Semantics;

/// <summary>A <c>class</c> definition with its methods and nested classes.</summary>
public sealed class PythonClass : PythonDefinition
{
    internal PythonClass(ClassDefinitionSyntax syntax, PythonDefinition? parent)
        : base(syntax, syntax.Name, parent, syntax.Body, syntax.Decorators, syntax.ClassKeyword)
    {
        Syntax = syntax;
    }

    public override PythonDefinitionKind Kind => PythonDefinitionKind.ClassDef;

    public new ClassDefinitionSyntax Syntax { get; }

    /// <summary>Functions defined directly in the class body (including inside <c>if</c>/<c>try</c> there).</summary>
    public IReadOnlyList<PythonFunction> Methods => [.. Children.OfType<PythonFunction>()];

    public IReadOnlyList<PythonClass> NestedClasses => [.. Children.OfType<PythonClass>()];

    /// <summary>The text between the parentheses of the class header, or empty.</summary>
    public string BasesText
    {
        get
        {
            var arguments = Syntax.Arguments;
            if (arguments is null || arguments.Arguments.Count == 0)
            {
                return string.Empty;
            }

            var span = new Text.TextSpan(arguments.Arguments[0].Span.Start, arguments.Arguments[^1].Span.End);
            return Syntax.Module.Text.GetText(span);
        }
    }

    private protected override IEnumerable<SyntaxNode> SearchRoots()
    {
        if (Syntax.Arguments is not null)
        {
            yield return Syntax.Arguments;
        }

        yield return Syntax.Body;
    }
}
