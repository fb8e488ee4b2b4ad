using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Parsing;

public sealed class StatementParsingTests
{
    [Fact]
    public void Parse_DecoratedFunction_KeepsDecoratorsOnTheDefinition()
    {
        var module = Py.Valid("@property\n@x.setter(1)\nasync def f(self) -> int:\n    return 1\n");
        var function = Py.Single<FunctionDefinitionSyntax>(module);
        Assert.Equal(["property", "x.setter(1)"], function.Decorators.Select(d => d.Expression.Text));
        Assert.True(function.IsAsync);
        Assert.Equal("f", function.Name);
        Assert.Equal("int", function.ReturnAnnotation!.Text);
        Assert.True(function.Body.IsIndented);
    }

    [Theory]
    [InlineData("@(lambda f: f)\ndef f(): pass\n")]
    [InlineData("@x[0].y(z)\nclass C: pass\n")]
    [InlineData("@(x := y)\ndef f(): pass\n")]
    [InlineData("@x := y\ndef f(): pass\n")]
    public void Parse_Pep614Decorators_AreAnyNamedExpression(string source)
    {
        Py.Valid(source);
    }

    [Fact]
    public void Parse_DecoratorWithoutDefinition_IsAnError()
    {
        Py.Invalid("@decorator\nx = 1\n");
    }

    [Fact]
    public void Parse_ClassWithBasesAndKeywords_ExposesArguments()
    {
        var module = Py.Valid("class C(Base, *mixins, metaclass=Meta, **kw):\n    x = 1\n");
        var cls = Py.Single<ClassDefinitionSyntax>(module);
        Assert.Equal(
            [ArgumentKind.Positional, ArgumentKind.Unpacked, ArgumentKind.Keyword, ArgumentKind.DictionaryUnpacked],
            cls.Arguments!.Arguments.Select(a => a.ArgumentKind));
        Assert.Equal("metaclass", cls.Arguments.Arguments[2].NameToken!.Value.Text);
    }

    [Fact]
    public void Parse_TypeParameters_OnFunctionClassAndAlias()
    {
        var module = Py.Valid("def f[T: int, *Ts, **P](x: T) -> T: ...\nclass C[T = str](Base): pass\ntype Alias[K, V] = dict[K, V]\n");
        var function = Py.Single<FunctionDefinitionSyntax>(module);
        Assert.Equal(
            [TypeParameterKind.TypeVar, TypeParameterKind.TypeVarTuple, TypeParameterKind.ParamSpec],
            function.TypeParameters!.Parameters.Select(p => p.TypeParameterKind));
        Assert.Equal("int", function.TypeParameters.Parameters[0].Bound!.Text);
        Assert.Equal("str", Py.Single<ClassDefinitionSyntax>(module).TypeParameters!.Parameters[0].Default!.Text);
        var alias = Py.Single<TypeAliasStatementSyntax>(module);
        Assert.Equal("Alias", alias.Name);
        Assert.Equal("dict[K, V]", alias.Value.Text);
    }

    [Theory]
    [InlineData("type = 1\n")]
    [InlineData("type(x)\n")]
    [InlineData("type.x = 1\n")]
    [InlineData("print(type)\n")]
    public void Parse_TypeAsOrdinaryName_IsNotAnAlias(string source)
    {
        var module = Py.Valid(source);
        Assert.Empty(module.Root.DescendantNodes().OfType<TypeAliasStatementSyntax>());
    }

    [Fact]
    public void Parse_EmptyTypeParameterList_IsAnError()
    {
        Py.Invalid("def f[](): pass\n");
    }

    [Fact]
    public void Parse_IfElifElse_BuildsClauses()
    {
        var module = Py.Valid("if a:\n    x\nelif b:\n    y\nelif c: z\nelse:\n    w\n");
        var statement = Py.Single<IfStatementSyntax>(module);
        Assert.Equal(["b", "c"], statement.ElifClauses.Select(c => c.Test.Text));
        Assert.NotNull(statement.ElseClause);
        Assert.False(statement.ElifClauses[1].Body.IsIndented);
    }

    [Fact]
    public void Parse_LoopsWithElse_AndAsyncForms()
    {
        var module = Py.Valid("async def f():\n    async for x, *y in z:\n        break\n    else:\n        pass\n    while n := next(it):\n        continue\n    async with a as b, c:\n        pass\n");
        var loop = Py.Single<ForStatementSyntax>(module);
        Assert.True(loop.IsAsync);
        Assert.IsType<TupleExpressionSyntax>(loop.Target);
        Assert.NotNull(loop.ElseClause);
        Assert.IsType<NamedExpressionSyntax>(Py.Single<WhileStatementSyntax>(module).Test);
        var with = Py.Single<WithStatementSyntax>(module);
        Assert.True(with.IsAsync);
        Assert.Equal(2, with.Items.Count);
    }

    [Fact]
    public void Parse_ParenthesizedWithItems_AreItemsNotATuple()
    {
        var module = Py.Valid("with (\n    open(a) as f,\n    open(b) as g,\n):\n    pass\n");
        var with = Py.Single<WithStatementSyntax>(module);
        Assert.True(with.HasParentheses);
        Assert.Equal(["f", "g"], with.Items.Select(i => i.Target!.Text));
    }

    [Theory]
    [InlineData("with (a, b) as c: pass\n", 1)]
    [InlineData("with (yield): pass\n", 1)]
    [InlineData("with (a, b): pass\n", 2)]
    [InlineData("with (a := b): pass\n", 1)]
    [InlineData("with (x for x in y): pass\n", 1)]
    public void Parse_WithParenthesesAmbiguity_ResolvesLikeCPython(string source, int items)
    {
        Assert.Equal(items, Py.Single<WithStatementSyntax>(Py.Valid(source)).Items.Count);
    }

    [Fact]
    public void Parse_TryWithAllClauses_BuildsHandlers()
    {
        var module = Py.Valid("try:\n    a\nexcept (A, B) as e:\n    b\nexcept C:\n    c\nexcept:\n    d\nelse:\n    e\nfinally:\n    f\n");
        var statement = Py.Single<TryStatementSyntax>(module);
        Assert.Equal(3, statement.Handlers.Count);
        Assert.Equal("e", statement.Handlers[0].NameToken!.Value.Text);
        Assert.Null(statement.Handlers[2].Type);
        Assert.NotNull(statement.ElseClause);
        Assert.NotNull(statement.FinallyClause);
    }

    [Fact]
    public void Parse_ExceptStar_MarksHandlers()
    {
        var module = Py.Valid("try:\n    pass\nexcept* ValueError as eg:\n    pass\nexcept* (A, B):\n    pass\n");
        Assert.All(Py.Single<TryStatementSyntax>(module).Handlers, h => Assert.True(h.IsStar));
    }

    [Theory]
    [InlineData("try:\n    pass\n", "expected 'except' or 'finally' block")]
    [InlineData("try:\n    pass\nexcept* :\n    pass\n", "expected one or more exception types")]
    [InlineData("try:\n    pass\nexcept A:\n    pass\nexcept* B:\n    pass\n", "cannot have both 'except' and 'except*' on the same 'try'")]
    [InlineData("try:\n    pass\nexcept A, B:\n    pass\n", "multiple exception types must be parenthesized")]
    public void Parse_MalformedTry_Reports(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }

    [Fact]
    public void Parse_SimpleStatementsOnOneLine_ShareALine()
    {
        var module = Py.Valid("x = 1; y = 2;  # both\n");
        var line = Py.Single<SimpleStatementLineSyntax>(module);
        Assert.Equal(2, line.Statements.Count);
    }

    [Theory]
    [InlineData("x = 1;;\n")]
    [InlineData("x = 1; if y: pass\n")]
    [InlineData("if x: for y in z: pass\n")]
    public void Parse_CompoundWhereOnlySimpleAllowed_IsAnError(string source)
    {
        Py.Invalid(source);
    }

    [Fact]
    public void Parse_Assignments_DistinguishKinds()
    {
        var module = Py.Valid("a = b = c\nd += 1\ne: int = 2\nf: str\n(g): int = 3\nh.i, j[k], *l = m\n");
        Assert.Equal(2, module.Root.DescendantNodes().OfType<AssignmentStatementSyntax>().Count());
        Assert.Equal(TokenKind.PlusEqual, Py.Single<AugmentedAssignmentStatementSyntax>(module).Operator);
        Assert.Equal(3, module.Root.DescendantNodes().OfType<AnnotatedAssignmentStatementSyntax>().Count());
    }

    [Theory]
    [InlineData("f() = 1\n", "cannot assign to function call")]
    [InlineData("1 = x\n", "cannot assign to literal")]
    [InlineData("x = yield = 1\n", "cannot assign to yield expression")]
    [InlineData("a + 1 = 2\n", "cannot assign to expression")]
    [InlineData("None = 1\n", "cannot assign to None")]
    [InlineData("(a, b) += 1\n", "'tuple' is an illegal expression for augmented assignment")]
    [InlineData("(x, y): int\n", "only single target (not tuple) can be annotated")]
    [InlineData("del f()\n", "cannot delete function call")]
    [InlineData("del *a\n", "cannot delete starred")]
    [InlineData("for f() in x: pass\n", "cannot assign to function call")]
    [InlineData("[x for 1 in y]\n", "cannot assign to literal")]
    [InlineData("with a as f(): pass\n", "cannot assign to function call")]
    public void Parse_InvalidTargets_ReportWhatCannotBeAssigned(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }

    [Theory]
    [InlineData("*a = b\n")]
    [InlineData("*a, *b = c\n")]
    [InlineData("() = x\n")]
    [InlineData("[] = x\n")]
    [InlineData("x, = y\n")]
    [InlineData("del (a), [b, c.d], e[0]\n")]
    public void Parse_TargetsCPythonGrammarAccepts_AreValid(string source)
    {
        Py.Valid(source);
    }

    [Fact]
    public void Parse_Imports_ExposeNamesAndLevels()
    {
        var module = Py.Valid("import a.b as c, d\nfrom ..pkg.mod import (x as y, z,)\nfrom . import *\n");
        var import = Py.Single<ImportStatementSyntax>(module);
        Assert.Equal(["a.b", "d"], import.Names.Select(n => n.Name.Value));
        var froms = module.Root.DescendantNodes().OfType<ImportFromStatementSyntax>().ToList();
        Assert.Equal(2, froms[0].Level);
        Assert.Equal("pkg.mod", froms[0].ModuleName!.Value);
        Assert.Equal("y", froms[0].Names[0].AsName!.Value.Text);
        Assert.True(froms[1].IsWildcard);
        Assert.Null(froms[1].ModuleName);
    }

    [Theory]
    [InlineData("from a import b,\n")]
    [InlineData("from a import (*)\n")]
    [InlineData("import\n")]
    [InlineData("from import x\n")]
    public void Parse_MalformedImport_IsAnError(string source)
    {
        Py.Invalid(source);
    }

    [Fact]
    public void Parse_GlobalNonlocalDelAssertRaise_BuildTypedNodes()
    {
        var module = Py.Valid("def f():\n    global a, b\n    nonlocal c\n    del a\n    assert a, 'm'\n    raise E from None\n    raise\n    return\n");
        var scopes = module.Root.DescendantNodes().OfType<GlobalStatementSyntax>().ToList();
        Assert.Equal(SyntaxKind.GlobalStatement, scopes[0].Kind);
        Assert.Equal(["a", "b"], scopes[0].Names.Select(n => n.Text));
        Assert.Equal(SyntaxKind.NonlocalStatement, scopes[1].Kind);
        Assert.Equal("'m'", Py.Single<AssertStatementSyntax>(module).Message!.Text);
        var raises = module.Root.DescendantNodes().OfType<RaiseStatementSyntax>().ToList();
        Assert.Equal("None", raises[0].Cause!.Text);
        Assert.Null(raises[1].Exception);
        Assert.Null(Py.Single<ReturnStatementSyntax>(module).Value);
    }

    [Fact]
    public void Parse_BodyOnHeaderLine_IsASimpleStatementBlock()
    {
        var module = Py.Valid("class C: x = 1; y = 2\n");
        var body = Py.Single<ClassDefinitionSyntax>(module).Body;
        Assert.False(body.IsIndented);
        Assert.IsType<SimpleStatementLineSyntax>(Assert.Single(body.Statements));
    }

    [Theory]
    [InlineData("def f():\npass\n", "expected an indented block")]
    [InlineData("x = 1\n    y = 2\n", "unexpected indent")]
    [InlineData("\tx = 1\n", "unexpected indent")]
    [InlineData("if x\n    pass\n", "expected ':'")]
    [InlineData("print 'x'\n", "invalid syntax")]
    [InlineData("x := 1\n", "invalid syntax")]
    public void Parse_StructuralErrors_ReportCPythonMessages(string source, string message)
    {
        Assert.Equal(message, Py.Invalid(source).Diagnostics[0].Message);
    }
}
