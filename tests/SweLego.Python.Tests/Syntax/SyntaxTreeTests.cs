using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Syntax;

public sealed class SyntaxTreeTests
{
    [Fact]
    public void Parent_EveryDescendant_PointsBackToTheNodeListingIt()
    {
        var module = Py.Valid("class C:\n    def f(self, a=1):\n        return [x for x in a if x > 1]\n");
        foreach (var node in module.Root.DescendantNodes())
        {
            Assert.Contains(node, node.Parent!.ChildNodes);
        }

        Assert.Null(module.Root.Parent);
    }

    [Fact]
    public void ChildNodes_AreInSourceOrderAndNested()
    {
        var module = Py.Valid("@d\ndef f[T](a: int = 1, *b, **c) -> T:\n    '''doc'''\n    return a\n");
        foreach (var node in module.Root.DescendantNodes().Prepend(module.Root))
        {
            for (int i = 1; i < node.ChildNodes.Count; i++)
            {
                Assert.True(node.ChildNodes[i - 1].FullSpan.End <= node.ChildNodes[i].FullSpan.Start);
            }

            Assert.All(node.ChildNodes, child => Assert.True(node.FullSpan.Contains(child.FullSpan)));
        }
    }

    [Fact]
    public void ChildTokens_AreTheTokensNoChildOwns()
    {
        var module = Py.Valid("f(a, b=2)\n");
        var call = Py.Single<CallExpressionSyntax>(module);
        Assert.Equal(["(", ",", ")"], call.Arguments.ChildTokens().Select(t => t.Text));
        Assert.Equal(["f", "(", "a", ",", "b", "=", "2", ")"], call.DescendantTokens().Select(t => t.Text));
    }

    [Fact]
    public void Span_ExcludesLeadingTriviaAndFullSpanIncludesIt()
    {
        var module = Py.Valid("x = 1\n\n# comment\ny = 2\n");
        var second = module.Root.Statements[1];
        Assert.Equal("y = 2\n", second.Text);
        Assert.Equal("\n# comment\ny = 2\n", second.FullText);
        Assert.Equal(new SweLego.Python.Text.SourceLocation(4, 0), second.StartLocation);
    }

    [Fact]
    public void Tokens_ExposeKindTextTriviaAndPositions()
    {
        var module = Py.Valid("if x:  # why\n    y\n");
        var newline = module.GetToken(3);
        Assert.Equal(TokenKind.Newline, newline.Kind);
        Assert.Equal("  # why", newline.LeadingTrivia);
        Assert.Equal(new SweLego.Python.Text.SourceLocation(1, 12), newline.Start);
        Assert.Equal("y", module.GetToken(5).Text);
        Assert.Equal("    ", module.GetToken(5).LeadingTrivia);
    }

    [Fact]
    public void FirstAncestorOrSelf_FindsTheEnclosingFunction()
    {
        var module = Py.Valid("def outer():\n    def inner():\n        return 1 + 2\n");
        var binary = Py.Single<BinaryExpressionSyntax>(module);
        Assert.Equal("inner", binary.FirstAncestorOrSelf<FunctionDefinitionSyntax>()!.Name);
        Assert.Equal(2, binary.Ancestors().OfType<FunctionDefinitionSyntax>().Count());
    }

    [Fact]
    public void DescendantNodes_DescendIntoFilter_PrunesSubtrees()
    {
        var module = Py.Valid("def f():\n    def g():\n        return 1\n    return 2\n");
        var outer = module.Root.Statements[0];
        var returns = outer.DescendantNodes(n => n is not FunctionDefinitionSyntax || n == outer).OfType<ReturnStatementSyntax>();
        Assert.Equal("return 2", Assert.Single(returns).Text);
    }

    [Fact]
    public void Kinds_DistinguishNodesSharingAClass()
    {
        var module = Py.Valid("pass\nbreak\ncontinue\nx = None, True, False, ..., 1\n");
        Assert.Equal(
            [SyntaxKind.PassStatement, SyntaxKind.BreakStatement, SyntaxKind.ContinueStatement],
            module.Root.DescendantNodes().OfType<KeywordStatementSyntax>().Select(s => s.Kind));
        Assert.Equal(
            [SyntaxKind.NoneLiteral, SyntaxKind.TrueLiteral, SyntaxKind.FalseLiteral, SyntaxKind.EllipsisLiteral, SyntaxKind.NumberLiteral],
            module.Root.DescendantNodes().OfType<LiteralExpressionSyntax>().Select(s => s.Kind));
    }
}
