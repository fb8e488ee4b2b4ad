using SweLego.Python.Syntax;

namespace SweLego.Python.Semantics;

/// <summary>Walks the statement structure once and records every definition with its parent.</summary>
internal sealed class ModuleModel
{
    private ModuleModel(PythonDefinition[] definitions)
    {
        Definitions = definitions;
        Functions = [.. definitions.OfType<PythonFunction>()];
        Classes = [.. definitions.OfType<PythonClass>()];
    }

    public IReadOnlyList<PythonDefinition> Definitions { get; }

    public IReadOnlyList<PythonFunction> Functions { get; }

    public IReadOnlyList<PythonClass> Classes { get; }

    public static ModuleModel Build(ParsedModule module)
    {
        var definitions = new List<PythonDefinition>();
        var bySyntax = new Dictionary<SyntaxNode, PythonDefinition>();
        foreach (var node in module.Root.DescendantNodes(ContainsStatements))
        {
            if (node is not (FunctionDefinitionSyntax or ClassDefinitionSyntax))
            {
                continue;
            }

            PythonDefinition? parent = null;
            foreach (var ancestor in node.Ancestors())
            {
                if (bySyntax.TryGetValue(ancestor, out parent))
                {
                    break;
                }
            }

            PythonDefinition definition = node is FunctionDefinitionSyntax function
                ? new PythonFunction(function, parent)
                : new PythonClass((ClassDefinitionSyntax)node, parent);
            bySyntax[node] = definition;
            definitions.Add(definition);
        }

        return new ModuleModel([.. definitions]);
    }

    // Definitions only occur in statement bodies, so expressions are never searched.
    private static bool ContainsStatements(SyntaxNode node) => node is BlockSyntax or ErrorStatementSyntax
        or FunctionDefinitionSyntax or ClassDefinitionSyntax or IfStatementSyntax or ElifClauseSyntax or ElseClauseSyntax
        or WhileStatementSyntax or ForStatementSyntax or WithStatementSyntax or TryStatementSyntax or ExceptClauseSyntax
        or FinallyClauseSyntax or MatchStatementSyntax or CaseClauseSyntax;
}
