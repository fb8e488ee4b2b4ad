using static SweLego.Tests.Tasks.Synthetic.Mutators.MutatorTestSupport;

namespace SweLego.Tests.Tasks.Synthetic.Mutators;

public sealed class ExpressionMutatorTests
{
    [Fact]
    public void FlipComparison_ThreeOperators_EachNegatedInOrder()
    {
        const string source = """
            def f(a, b):
                if a < b:
                    return a in b
                return a is not None
            """;

        var candidates = Run("py.flip_comparison", source, "f");

        Assert.Equal(["`<` → `>=` at line 2", "`in` → `not in` at line 3", "`is not` → `is` at line 4"], candidates.Select(c => c.Description));
        Assert.Equal(
            [
                source.Replace("a < b", "a >= b", StringComparison.Ordinal),
                source.Replace("a in b", "a not in b", StringComparison.Ordinal),
                source.Replace("is not None", "is None", StringComparison.Ordinal),
            ],
            Texts("py.flip_comparison", source, "f"));
        Assert.All(candidates, c => Assert.Equal(("py.flip_comparison", "pkg/mod.py", "f"), (c.Method, c.File, c.Function)));
    }

    [Fact]
    public void FlipComparison_NoComparison_ReturnsEmpty()
    {
        Assert.Empty(Run("py.flip_comparison", "def g(a):\n    return a + 1\n", "g"));
    }

    [Fact]
    public void NegateCondition_IfElifWhile_NegatedOrNotRemoved()
    {
        const string source = """
            def f(a, b):
                if a > b:
                    return 1
                elif not b:
                    return 2
                while a:
                    a -= 1
                return 0
            """;

        Assert.Equal(
            [
                source.Replace("if a > b:", "if not (a > b):", StringComparison.Ordinal),
                source.Replace("elif not b:", "elif b:", StringComparison.Ordinal),
                source.Replace("while a:", "while not (a):", StringComparison.Ordinal),
            ],
            Texts("py.negate_condition", source, "f"));
    }

    [Fact]
    public void NegateCondition_ConditionalExpressionOnly_ReturnsEmpty()
    {
        Assert.Empty(Run("py.negate_condition", "def g(a):\n    return 1 if a else 2\n", "g"));
    }

    [Fact]
    public void OffByOne_BoundaryLiterals_PlusAndMinusOne()
    {
        const string source = """
            def f(xs, n):
                if n > 0:
                    return xs[1:n]
                for i in range(2):
                    xs[i] = 5
                return xs[0]
            """;

        Assert.Equal(
            [
                source.Replace("n > 0", "n > 1", StringComparison.Ordinal),
                source.Replace("xs[1:n]", "xs[2:n]", StringComparison.Ordinal),
                source.Replace("xs[1:n]", "xs[0:n]", StringComparison.Ordinal),
                source.Replace("range(2)", "range(3)", StringComparison.Ordinal),
                source.Replace("range(2)", "range(1)", StringComparison.Ordinal),
                source.Replace("xs[0]", "xs[1]", StringComparison.Ordinal),
            ],
            Texts("py.off_by_one", source, "f"));
    }

    [Fact]
    public void OffByOne_LiteralsOutsideBoundaries_ReturnsEmpty()
    {
        Assert.Empty(Run("py.off_by_one", "def g(x):\n    y = x * 3\n    return h(4, 0x10 > y)\n", "g"));
    }

    [Fact]
    public void SwapOperands_NonCommutative_SwappedWithParentheses()
    {
        const string source = """
            def f(a, b, c):
                d = a - b * c
                return d / 2 < a + b
            """;

        Assert.Equal(
            [
                source.Replace("a - b * c", "(b * c) - a", StringComparison.Ordinal),
                source.Replace("d / 2 < a + b", "(a + b) < (d / 2)", StringComparison.Ordinal),
                source.Replace("d / 2", "2 / d", StringComparison.Ordinal),
            ],
            Texts("py.swap_operands", source, "f"));
    }

    [Fact]
    public void SwapOperands_CommutativeOrStringFormatting_ReturnsEmpty()
    {
        Assert.Empty(Run("py.swap_operands", "def g(a, b):\n    return a + b == a * b, \"%s\" % a\n", "g"));
    }

    [Fact]
    public void ChangeBoolOp_MixedChain_EachOperatorFlipped()
    {
        const string source = "def f(a, b, c):\n    return a and b or c\n";

        Assert.Equal(
            ["def f(a, b, c):\n    return a and b and c\n", "def f(a, b, c):\n    return a or b or c\n"],
            Texts("py.change_bool_op", source, "f"));
    }

    [Fact]
    public void ChangeBoolOp_NoBooleanOperator_ReturnsEmpty()
    {
        Assert.Empty(Run("py.change_bool_op", "def g(a):\n    return not a\n", "g"));
    }

    [Fact]
    public void ChangeArithOp_BinaryAndAugmented_Replaced()
    {
        const string source = """
            def f(a, b):
                a += b
                return a / b - a % b
            """;

        Assert.Equal(
            [
                source.Replace("a += b", "a -= b", StringComparison.Ordinal),
                source.Replace("a / b - a % b", "a / b + a % b", StringComparison.Ordinal),
                source.Replace("a / b", "a * b", StringComparison.Ordinal),
                source.Replace("a / b", "a // b", StringComparison.Ordinal),
                source.Replace("a % b", "a // b", StringComparison.Ordinal),
            ],
            Texts("py.change_arith_op", source, "f"));
    }

    [Fact]
    public void ChangeArithOp_StringFormattingAndPower_ReturnsEmpty()
    {
        Assert.Empty(Run("py.change_arith_op", "def g(a):\n    return \"%s\" % a + \"!\", a ** 2\n", "g"));
    }

    [Fact]
    public void SwapCallArgs_AdjacentPositional_SwappedOnlyWhenDifferent()
    {
        const string source = "def f(a, b):\n    return divmod(a, b) + g(a, a, key=b)\n";

        var candidates = Run("py.swap_call_args", source, "f");

        Assert.Equal("swapped arguments `a` and `b` of `divmod` at line 2", Assert.Single(candidates).Description);
        Assert.Equal(["def f(a, b):\n    return divmod(b, a) + g(a, a, key=b)\n"], Texts("py.swap_call_args", source, "f"));
    }

    [Fact]
    public void SwapCallArgs_KeywordAndStarredArguments_ReturnsEmpty()
    {
        Assert.Empty(Run("py.swap_call_args", "def g(a, b):\n    return h(a, *b, key=a, **b)\n", "g"));
    }
}
