using static SweLego.Tests.Tasks.Synthetic.Mutators.MutatorTestSupport;

namespace SweLego.Tests.Tasks.Synthetic.Mutators;

public sealed class ValueMutatorTests
{
    [Fact]
    public void DropReturnValue_ValueReturned_BareReturn()
    {
        const string source = """
            def f(x):
                if x:
                    return x + 1
                elif x is None:
                    return
                return None
            """;

        var candidates = Run("py.drop_return_value", source, "f");

        Assert.Equal("`return x + 1` → `return` at line 3", Assert.Single(candidates).Description);
        Assert.Equal([source.Replace("return x + 1", "return", StringComparison.Ordinal)], Texts("py.drop_return_value", source, "f"));
    }

    [Fact]
    public void DropReturnValue_NoValueReturned_ReturnsEmpty()
    {
        Assert.Empty(Run("py.drop_return_value", "def g(x):\n    print(x)\n    return\n", "g"));
    }

    [Fact]
    public void ChangeDefaultArg_LiteralDefaults_Changed()
    {
        const string source = "def f(a, b=2, c=True, d=\"x\", e=None, f=-1.5, *, g=b\"\", h=[]):\n    return a\n";

        var candidates = Run("py.change_default_arg", source, "f");

        Assert.Equal("default of `b` `2` → `3` at line 1", candidates[0].Description);
        Assert.Equal(
            [
                source.Replace("b=2", "b=3", StringComparison.Ordinal),
                source.Replace("b=2", "b=1", StringComparison.Ordinal),
                source.Replace("c=True", "c=False", StringComparison.Ordinal),
                source.Replace("d=\"x\"", "d=\"\"", StringComparison.Ordinal),
                source.Replace("f=-1.5", "f=-0.5", StringComparison.Ordinal),
                source.Replace("f=-1.5", "f=-2.5", StringComparison.Ordinal),
            ],
            Texts("py.change_default_arg", source, "f"));
    }

    [Fact]
    public void ChangeDefaultArg_NoneOrNoDefaults_ReturnsEmpty()
    {
        Assert.Empty(Run("py.change_default_arg", "def g(a, b=None, c=''):\n    return a\n", "g"));
    }
}
