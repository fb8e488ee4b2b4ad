using static SweLego.Tests.Tasks.Synthetic.Mutators.MutatorTestSupport;

namespace SweLego.Tests.Tasks.Synthetic.Mutators;

public sealed class StatementMutatorTests
{
    [Fact]
    public void SwapIfElse_IndentedAndSameLineBodies_Swapped()
    {
        const string source = """
            def f(x):
                if x:
                    y = 1
                    z = 2
                else:
                    y = 3
                if x: return 1
                else: return 2
            """;
        const string first = """
            def f(x):
                if x:
                    y = 3
                else:
                    y = 1
                    z = 2
                if x: return 1
                else: return 2
            """;

        var candidates = Run("py.swap_if_else", source, "f");

        Assert.Equal(["swapped the if and else bodies of the if at line 2", "swapped the if and else bodies of the if at line 7"], candidates.Select(c => c.Description));
        Assert.Equal([first, source.Replace("return 1\n    else: return 2", "return 2\n    else: return 1", StringComparison.Ordinal)], Texts("py.swap_if_else", source, "f"));
    }

    [Fact]
    public void SwapIfElse_ElifOrNoElseOrDifferentIndentation_ReturnsEmpty()
    {
        const string source = """
            def g(x):
                if x:
                    return 1
                elif x is None:
                    return 2
                else:
                    return 3
                if x:
                    return 4
                if x:
                    return 5
                else:
                  return 6
            """;

        Assert.Empty(Run("py.swap_if_else", source, "g"));
    }

    [Fact]
    public void RemoveBranch_ElifAndElse_EachClauseRemoved()
    {
        const string source = """
            def f(x):
                if x > 1:
                    return 1
                elif x > 0:
                    return 0
                else:
                    return -1
            """;

        Assert.Equal(
            [
                "def f(x):\n    if x > 1:\n        return 1\n    else:\n        return -1",
                "def f(x):\n    if x > 1:\n        return 1\n    elif x > 0:\n        return 0\n",
            ],
            Texts("py.remove_branch", source, "f"));
    }

    [Fact]
    public void RemoveBranch_IfWithoutElse_WholeIfRemovedUnlessOnlyStatement()
    {
        const string source = "def g(x):\n    if x:  # bump\n        x += 1\n    return x\n\n\ndef h(x):\n    if x: return 1\n";

        Assert.Equal(["def g(x):\n    return x\n\n\ndef h(x):\n    if x: return 1\n"], Texts("py.remove_branch", source, "g"));
        Assert.Empty(Run("py.remove_branch", source, "h"));
    }

    [Fact]
    public void RemoveLoop_ForAndWhile_EachLoopRemoved()
    {
        const string source = """
            def f(xs):
                total = 0
                for x in xs:
                    total += x
                while total > 10: total -= 10
                return total
            """;

        var candidates = Run("py.remove_loop", source, "f");

        Assert.Equal(["removed the for loop at line 3", "removed the while loop at line 5"], candidates.Select(c => c.Description));
        Assert.Equal(
            [
                "def f(xs):\n    total = 0\n    while total > 10: total -= 10\n    return total",
                "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total",
            ],
            Texts("py.remove_loop", source, "f"));
    }

    [Fact]
    public void RemoveLoop_OnlyStatementOfBlock_ReturnsEmpty()
    {
        Assert.Empty(Run("py.remove_loop", "def g(xs):\n    '''Print.'''\n    for x in xs:\n        print(x)\n", "g"));
    }

    [Fact]
    public void RemoveStatement_AssignmentsAndCalls_RemovedLineOrSemicolonPart()
    {
        const string source = """
            def f(xs):
                '''Doc.'''
                total = 0
                total += len(xs)
                print(total); log(total)
                return total
            """;
        const string head = "def f(xs):\n    '''Doc.'''\n";

        Assert.Equal(
            [
                head + "    total += len(xs)\n    print(total); log(total)\n    return total",
                head + "    total = 0\n    print(total); log(total)\n    return total",
                head + "    total = 0\n    total += len(xs)\n    log(total)\n    return total",
                head + "    total = 0\n    total += len(xs)\n    print(total)\n    return total",
            ],
            Texts("py.remove_statement", source, "f"));
    }

    [Fact]
    public void RemoveStatement_OnlyCodeStatementOrSameLineBody_ReturnsEmpty()
    {
        Assert.Empty(Run("py.remove_statement", "def g(x):\n    '''Doc.'''\n    x = 1\n", "g"));
        Assert.Empty(Run("py.remove_statement", "def g(x):\n    if x: y = 1\n    return x\n", "g"));
    }

    [Fact]
    public void SwapStatements_AdjacentSimpleLines_SwappedExceptDocstringAndEqualLines()
    {
        const string source = """
            def f(x):
                '''Doc.'''
                a = 1
                b = a + 1
                if x:
                    c = 3
                    c = 3
                c = b * 2  # double
                return c
            """;

        var candidates = Run("py.swap_statements", source, "f");

        Assert.Equal(["swapped the statements at lines 3 and 4", "swapped the statements at lines 8 and 9"], candidates.Select(c => c.Description));
        Assert.Equal(
            [
                source.Replace("a = 1\n    b = a + 1", "b = a + 1\n    a = 1", StringComparison.Ordinal),
                source.Replace("c = b * 2  # double\n    return c", "return c  # double\n    c = b * 2", StringComparison.Ordinal),
            ],
            Texts("py.swap_statements", source, "f"));
    }

    [Fact]
    public void SwapStatements_SingleStatement_ReturnsEmpty()
    {
        Assert.Empty(Run("py.swap_statements", "def g(x):\n    '''Doc.'''\n    return x\n", "g"));
    }

    [Fact]
    public void RemoveExceptHandler_TwoHandlersOrOne_RemovedOrReRaises()
    {
        const string source = """
            def f(x):
                try:
                    return int(x)
                except ValueError:
                    return 0
                except TypeError:
                    return -1

            def g(x):
                try:
                    return int(x)
                except ValueError:
                    x = 0
                    return x
            """;

        Assert.Equal(
            [
                source.Replace("    except ValueError:\n        return 0\n", string.Empty, StringComparison.Ordinal),
                source.Replace("    except TypeError:\n        return -1\n", string.Empty, StringComparison.Ordinal),
            ],
            Texts("py.remove_except_handler", source, "f"));
        Assert.Equal(
            [source.Replace("        x = 0\n        return x", "        raise\n", StringComparison.Ordinal)],
            Texts("py.remove_except_handler", source, "g"));
    }

    [Fact]
    public void RemoveExceptHandler_HandlerAlreadyReRaises_ReturnsEmpty()
    {
        Assert.Empty(Run("py.remove_except_handler", "def g(x):\n    try:\n        return int(x)\n    except ValueError:\n        raise\n", "g"));
    }

    [Fact]
    public void RemoveRaise_OnlyStatementOrNot_PassOrRemoved()
    {
        const string source = """
            def f(x):
                if x < 0:
                    raise ValueError(x)
                log(x)
                raise RuntimeError
            """;

        Assert.Equal(
            [
                source.Replace("raise ValueError(x)", "pass", StringComparison.Ordinal),
                "def f(x):\n    if x < 0:\n        raise ValueError(x)\n    log(x)\n",
            ],
            Texts("py.remove_raise", source, "f"));
    }

    [Fact]
    public void RemoveRaise_NoRaise_ReturnsEmpty()
    {
        Assert.Empty(Run("py.remove_raise", "def g(x):\n    return x\n", "g"));
    }
}
