using System.Text;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Parsing;

/// <summary>
/// Pathological nesting must end in a diagnostic (or a valid parse), never a stack overflow,
/// which would kill the process rather than throw.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class DeepNestingTests
{
    public static TheoryData<string, string> Sources()
    {
        static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));
        return new TheoryData<string, string>
        {
            { "parentheses", "x = " + Repeat("(", 5000) + "1" + Repeat(")", 5000) + "\n" },
            { "brackets", "x = " + Repeat("[", 5000) + Repeat("]", 5000) + "\n" },
            { "power chain", "x = " + Repeat("2**", 100_000) + "2\n" },
            { "unary chain", "x = " + Repeat("-", 100_000) + "1\n" },
            { "not chain", "x = " + Repeat("not ", 100_000) + "y\n" },
            { "lambda chain", "f = " + Repeat("lambda: ", 50_000) + "0\n" },
            { "conditional chain", "x = " + Repeat("a if b else ", 50_000) + "c\n" },
            { "nested f-strings", "x = " + Repeat("f'{", 20_000) + "\n" },
            { "nested format specs", "x = f'{a" + Repeat(":{a", 20_000) + "\n" },
            { "header-line blocks", Repeat("if x: ", 50_000) + "pass\n" },
            { "indentation", string.Concat(Enumerable.Range(0, 300).Select(i => new string(' ', i) + "if x:\n")) + new string(' ', 300) + "pass\n" },
            { "patterns", "match x:\n    case " + Repeat("[", 3000) + Repeat("]", 3000) + ": pass\n" },
            { "attribute chain", "x = a" + Repeat(".b", 200_000) + "\n" },
            { "sum chain", "x = 1" + Repeat(" + 1", 200_000) + "\n" },
            { "decorators", Repeat("@d\n", 50_000) + "def f(): pass\n" },
        };
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void Parse_PathologicalNesting_FinishesAndRoundTrips(string name, string source)
    {
        var bytes = Encoding.UTF8.GetBytes(source);
        var module = PythonSource.Parse(bytes);
        Assert.True(module.ToBytes().AsSpan().SequenceEqual(bytes), name);
        _ = module.Definitions.Count;
    }
}
