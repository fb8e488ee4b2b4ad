using System.Text;
using System.Text.RegularExpressions;
using SweLego.Python;
using SweLego.Tasks.Synthetic.Mutators;

namespace SweLego.Tests.Tasks.Synthetic.Mutators;

public sealed partial class BugMutatorsTests
{
    private const string Nested = """
        def outer(items, limit=3):
            '''Doc: if a < b and c or d: return x - 1'''
            total = 0
            count = 1
            def inner(x, y=2):
                if x < y and x > 0 or y:
                    x += y - 1
                    print(x)
                    return x[1] - y
                else:
                    return x
            for item in items:
                if item > limit and item or count:
                    total += item - 1
                else:
                    count -= 1
            while total < 0:
                total += 1
            try:
                total = int(total)
            except ValueError:
                raise
            except TypeError:
                raise TypeError(total)
            return divmod(total, count)
        """;

    public static TheoryData<string> Ids => [.. BugMutators.All.Select(m => m.Id)];

    [Fact]
    public void All_Ids_UniqueWellFormedAndExplained()
    {
        Assert.True(BugMutators.All.Count >= 14);
        Assert.Equal(BugMutators.All.Count, BugMutators.All.Select(m => m.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(BugMutators.All, m =>
        {
            Assert.Matches(IdPattern(), m.Id);
            Assert.False(string.IsNullOrWhiteSpace(m.Explanation));
            Assert.Same(m, BugMutators.Get(m.Id));
        });
    }

    [Fact]
    public void Get_UnknownId_ThrowsListingIds()
    {
        var error = Assert.Throws<ArgumentException>(() => BugMutators.Get("py.nope"));

        Assert.StartsWith("unknown bug mutator 'py.nope'; known: py.flip_comparison, py.negate_condition,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_IdsAndPrefixes_DistinctInRegistryOrder()
    {
        var selected = BugMutators.Select(["py.remove_raise", "py.remove_", "py.flip_comparison"]);

        Assert.Equal(
            ["py.flip_comparison", "py.remove_branch", "py.remove_loop", "py.remove_statement", "py.remove_except_handler", "py.remove_raise"],
            selected.Select(m => m.Id));
        Assert.Equal(BugMutators.All, BugMutators.Select(["py."]));
    }

    [Fact]
    public void Select_UnknownOrEmpty_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => BugMutators.Select(["py.flip_comparison", "llm."]));
        Assert.StartsWith("no bug mutator matches 'llm.'; known: py.flip_comparison,", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => BugMutators.Select([""]));
        Assert.Throws<ArgumentException>(() => BugMutators.Select([]));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Candidates_NestedFunctionAndDocstring_Untouched(string id)
    {
        var module = PythonSource.Parse(Nested, "pkg/nested.py");
        var outer = module.Functions.Single(f => f.QualifiedName == "outer");
        var inner = module.Functions.Single(f => f.QualifiedName == "outer.<locals>.inner");
        string innerText = module.Text.GetText(inner.Syntax.Span);
        string docstring = "    '''Doc: if a < b and c or d: return x - 1'''\n";

        var candidates = BugMutators.Get(id).Candidates(module, outer);

        Assert.NotEmpty(candidates);
        Assert.All(candidates, c =>
        {
            string text = Encoding.UTF8.GetString(c.NewContent);
            Assert.Contains(innerText, text, StringComparison.Ordinal);
            Assert.Contains(docstring, text, StringComparison.Ordinal);
            Assert.Equal(("pkg/nested.py", "outer", id), (c.File, c.Function, c.Method));
            Assert.Matches(@"\blines? \d+", c.Description);
            Assert.Empty(PythonSource.Parse(c.NewContent).Diagnostics);
        });
    }

    [GeneratedRegex(@"^py\.[a-z_]+$")]
    private static partial Regex IdPattern();
}
