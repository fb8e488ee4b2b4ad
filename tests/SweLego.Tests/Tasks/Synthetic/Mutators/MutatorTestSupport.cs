using System.Text;
using SweLego.Python;
using SweLego.Tasks.Synthetic;
using SweLego.Tasks.Synthetic.Mutators;

namespace SweLego.Tests.Tasks.Synthetic.Mutators;

internal static class MutatorTestSupport
{
    /// <summary>Runs mutator <paramref name="id"/> on function <paramref name="function"/> (qualified name) of <paramref name="source"/>.</summary>
    public static IReadOnlyList<BugCandidate> Run(string id, string source, string function)
    {
        var module = PythonSource.Parse(source, "pkg/mod.py");
        Assert.Empty(module.Diagnostics);
        return BugMutators.Get(id).Candidates(module, module.Functions.Single(f => f.QualifiedName == function));
    }

    /// <summary>The new text of every candidate, in order.</summary>
    public static string[] Texts(string id, string source, string function) =>
        [.. Run(id, source, function).Select(c => Encoding.UTF8.GetString(c.NewContent))];

    /// <summary>
    /// The 1-based line range of the original text that differs from the new one (prefix and suffix
    /// of equal lines removed), or null when the texts are equal.
    /// </summary>
    public static (int First, int Last)? ChangedLines(string oldText, string newText)
    {
        string[] a = oldText.Split('\n');
        string[] b = newText.Split('\n');
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        if (prefix == a.Length && prefix == b.Length)
        {
            return null;
        }

        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[^(suffix + 1)] == b[^(suffix + 1)])
        {
            suffix++;
        }

        return (prefix + 1, Math.Max(prefix + 1, a.Length - suffix));
    }

    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SweLego.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no SweLego.slnx above {AppContext.BaseDirectory}");
    }
}
