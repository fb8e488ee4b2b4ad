using SweLego.Python.Semantics;
using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Semantics;

public sealed class ModuleModelTests
{
    private const string Source = """
        '''Module doc.'''
        import os


        def top(a, b=1, *args, key=None, **kw) -> int:
            '''Add things.

            More.
            '''
            def helper(x):
                return x * 2
            if a > b and b != 0:
                for i in range(a):
                    while i < 3:
                        i += 1
            try:
                return helper(a) + b
            except ValueError as e:
                raise
            except (TypeError, KeyError):
                return -1


        @dataclass(frozen=True)
        class Outer(Base, metaclass=Meta):
            "Outer doc."

            class Inner:
                async def run(self):
                    lam = lambda y: y or None
                    return [z for z in self if z is not None]

            @property
            def name(self):  # comment
                return self._name;

        """;

    private static readonly ParsedModule Module = Py.Valid(Source);

    [Fact]
    public void Definitions_HaveQualifiedNamesLikeQualname()
    {
        Assert.Equal(
            ["top", "top.<locals>.helper", "Outer", "Outer.Inner", "Outer.Inner.run", "Outer.name"],
            Module.Definitions.Select(d => d.QualifiedName));
        Assert.Equal(4, Module.Functions.Count);
        Assert.Equal(2, Module.Classes.Count);
    }

    [Fact]
    public void Function_ExposesSignatureDocstringAndDecorators()
    {
        var top = Module.Functions[0];
        Assert.Equal("def top(a, b=1, *args, key=None, **kw) -> int", top.Signature);
        Assert.Equal("Add things.\n\n    More.\n    ", top.Docstring);
        Assert.False(top.IsMethod);
        Assert.Equal(PythonDefinitionKind.FunctionDef, top.Kind);
        var name = Module.Functions.Single(f => f.Name == "name");
        Assert.Equal(["property"], name.DecoratorTexts);
        Assert.True(name.IsMethod);
        Assert.Equal("Outer", name.DeclaringClass!.Name);
        var run = Module.Functions.Single(f => f.Name == "run");
        Assert.True(run.IsAsync);
        Assert.Equal(PythonDefinitionKind.AsyncFunctionDef, run.Kind);
        Assert.Equal("async def run(self)", run.Signature);
    }

    [Fact]
    public void Class_ExposesBasesDocstringMethodsAndNestedClasses()
    {
        var outer = Module.Classes[0];
        Assert.Equal("Base, metaclass=Meta", outer.BasesText);
        Assert.Equal("Outer doc.", outer.Docstring);
        Assert.Equal(["dataclass(frozen=True)"], outer.DecoratorTexts);
        Assert.Equal(["name"], outer.Methods.Select(m => m.Name));
        Assert.Equal(["Inner"], outer.NestedClasses.Select(c => c.Name));
        Assert.Null(Module.Classes[1].Docstring);
    }

    [Fact]
    public void Ranges_FollowCPythonAstNumbering()
    {
        var top = Module.Functions[0];
        Assert.Equal(new SweLego.Python.Text.SourceRange(5, 0, 21, 17), top.Range);
        var outer = Module.Classes[0];
        // Decorated: starts at "class", not at "@"; ends after the trailing ';' of the last statement.
        Assert.Equal(new SweLego.Python.Text.SourceRange(25, 0, 35, 26), outer.Range);
        Assert.Equal(new SweLego.Python.Text.SourceRange(34, 4, 35, 26), Module.Functions.Single(f => f.Name == "name").Range);
        Assert.StartsWith("@dataclass", Module.Text.GetText(outer.FullSpan), StringComparison.Ordinal);
        Assert.StartsWith("class Outer", Module.Text.GetText(outer.Span), StringComparison.Ordinal);
    }

    [Fact]
    public void BodySpan_StartsAtTheFirstStatementAndEndsWithTheDefinition()
    {
        var helper = Module.Functions[1];
        Assert.Equal("return x * 2", Module.Text.GetText(helper.BodySpan));
        Assert.Equal(helper.Span.End, helper.BodySpan.End);
    }

    [Fact]
    public void FindAll_EnumeratesMutationTargetsInsideOneFunction()
    {
        var top = Module.Functions[0];
        Assert.Equal(["a > b", "b != 0", "i < 3"], top.FindAll<ComparisonExpressionSyntax>().Select(c => c.Text));
        Assert.Single(top.FindAll<IfStatementSyntax>());
        Assert.Single(top.FindAll<ForStatementSyntax>());
        Assert.Single(top.FindAll<WhileStatementSyntax>());
        Assert.Equal(["return helper(a) + b", "return -1"], top.FindAll<ReturnStatementSyntax>().Select(r => r.Text));
        Assert.Single(top.FindAll<BooleanExpressionSyntax>());
        Assert.Equal(["helper(a) + b"], top.FindAll<BinaryExpressionSyntax>().Select(b => b.Text));
        Assert.Equal(["1", "None"], top.FindAll<ParameterSyntax>().Where(p => p.Default is not null).Select(p => p.Default!.Text));
        Assert.Equal(2, top.FindAll<ExceptClauseSyntax>().Count());
        Assert.Single(top.FindAll(SyntaxKind.AugmentedAssignmentStatement));
    }

    [Fact]
    public void FindAll_SkipsNestedDefinitionsUnlessAsked()
    {
        var top = Module.Functions[0];
        Assert.DoesNotContain(top.FindAll<ReturnStatementSyntax>(), r => r.Text == "return x * 2");
        Assert.Contains(top.FindAll<ReturnStatementSyntax>(includeNested: true), r => r.Text == "return x * 2");
        Assert.Equal(["helper"], top.Children.Select(c => c.Name));
    }

    [Fact]
    public void FindAll_InMethod_SeesLambdasAndComprehensions()
    {
        var run = Module.Functions.Single(f => f.Name == "run");
        Assert.Single(run.FindAll<LambdaExpressionSyntax>());
        Assert.Single(run.FindAll(SyntaxKind.ListComprehension));
        Assert.Equal([ComparisonOperator.IsNot], run.FindAll<ComparisonExpressionSyntax>().Single().Operators);
    }
}
