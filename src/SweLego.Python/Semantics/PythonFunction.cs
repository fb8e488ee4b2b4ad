using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Python.Semantics;

/// <summary>A <c>def</c> or <c>async def</c>: a module-level function, a method or a nested function.</summary>
public sealed class PythonFunction : PythonDefinition
{
    internal PythonFunction(FunctionDefinitionSyntax syntax, PythonDefinition? parent)
        : base(syntax, syntax.Name, parent, syntax.Body, syntax.Decorators, syntax.AsyncKeyword ?? syntax.DefKeyword)
    {
        Syntax = syntax;
    }

    public override PythonDefinitionKind Kind => Syntax.IsAsync ? PythonDefinitionKind.AsyncFunctionDef : PythonDefinitionKind.FunctionDef;

    public new FunctionDefinitionSyntax Syntax { get; }

    public bool IsAsync => Syntax.IsAsync;

    /// <summary>True when defined directly in a class body.</summary>
    public bool IsMethod => Parent is PythonClass;

    public PythonClass? DeclaringClass => Parent as PythonClass;

    public ParameterListSyntax Parameters => Syntax.Parameters;

    /// <summary>The header from <c>def</c> (or <c>async</c>) to the return annotation, without the colon: <c>def f(a, b=1) -&gt; int</c>.</summary>
    public string Signature
    {
        get
        {
            SyntaxNode last = (SyntaxNode?)Syntax.ReturnAnnotation ?? Syntax.Parameters;
            int end = last.EndToken > last.FirstToken ? last.Span.End : Syntax.NameToken.Span.End;
            return Syntax.Module.Text.GetText(new TextSpan(Span.Start, end));
        }
    }

    private protected override IEnumerable<SyntaxNode> SearchRoots()
    {
        yield return Syntax.Parameters;
        if (Syntax.ReturnAnnotation is not null)
        {
            yield return Syntax.ReturnAnnotation;
        }

        yield return Syntax.Body;
    }
}
