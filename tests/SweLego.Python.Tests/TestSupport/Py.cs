using System.Text;
using SweLego.Python.Syntax;

namespace SweLego.Python.Tests.TestSupport;

/// <summary>Parse helpers that also check the invariants every parse must keep.</summary>
internal static class Py
{
    /// <summary>Parses text that must be valid: no diagnostics, and the tree prints it back.</summary>
    public static ParsedModule Valid(string source)
    {
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(source));
        Assert.True(module.Diagnostics.Count == 0, $"unexpected diagnostics for {source}: {string.Join("; ", module.Diagnostics)}");
        Assert.Equal(source, module.ToSource());
        return module;
    }

    /// <summary>Parses text that must be rejected; it must still round-trip.</summary>
    public static ParsedModule Invalid(string source)
    {
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(source));
        Assert.True(module.Diagnostics.Count > 0, $"expected a diagnostic for {source}");
        Assert.Equal(source, module.ToSource());
        return module;
    }

    public static T Single<T>(ParsedModule module)
        where T : SyntaxNode => Assert.Single(module.Root.DescendantNodes().OfType<T>());

    public static IReadOnlyList<TokenKind> Kinds(string source)
    {
        var module = PythonSource.Parse(Encoding.UTF8.GetBytes(source));
        return [.. Enumerable.Range(0, module.TokenCount).Select(i => module.GetToken(i).Kind)];
    }
}
