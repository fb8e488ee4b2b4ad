using System.Diagnostics;
using SweLego.Python;
using SweLego.Tasks.Synthetic.Mutators;
using Xunit.Abstractions;

namespace SweLego.Tests.Tasks.Synthetic.Mutators;

/// <summary>Properties of every candidate on the sample library and on a deterministic slice of CPython's stdlib.</summary>
public sealed class MutatorCorpusTests(ITestOutputHelper output)
{
    [Fact]
    public void Candidates_SampleLibrary_ParseDifferAndStayInFunction()
    {
        string folder = Path.Combine(MutatorTestSupport.RepositoryRoot(), "samples", "tally", "tally");
        var files = Directory.GetFiles(folder, "*.py").Order(StringComparer.Ordinal).ToList();

        var counts = CheckFiles(files, folder);

        foreach (var (id, count) in counts)
        {
            output.WriteLine($"{id} {count}");
        }

        Assert.All(BugMutators.All, m => Assert.True(counts[m.Id] > 0, $"{m.Id} has no candidate on samples/tally"));
    }

    [Fact]
    public void Candidates_StdlibSlice_ParseDifferAndStayInFunction()
    {
        string stdlib = StdlibFolder();
        var files = Directory.EnumerateFiles(stdlib, "*.py", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Where((_, index) => index % 30 == 0)
            .Where(f => new FileInfo(f).Length <= 40_000)
            .Take(300)
            .ToList();

        var counts = CheckFiles(files, stdlib);

        output.WriteLine($"{files.Count} files");
        foreach (var (id, count) in counts)
        {
            output.WriteLine($"{id} {count}");
        }

        Assert.True(files.Count >= 250, $"only {files.Count} stdlib files");
        Assert.All(BugMutators.All, m => Assert.True(counts[m.Id] > 0, $"{m.Id} has no candidate in the stdlib slice"));
    }

    private static Dictionary<string, int> CheckFiles(IReadOnlyList<string> files, string root)
    {
        var counts = BugMutators.All.ToDictionary(m => m.Id, _ => 0, StringComparer.Ordinal);
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var module = PythonSource.Parse(File.ReadAllBytes(file), relative);
            if (module.HasErrors)
            {
                continue;
            }

            string oldText = module.Text.ToString();
            foreach (var function in module.Functions)
            {
                foreach (var mutator in BugMutators.All)
                {
                    foreach (var candidate in mutator.Candidates(module, function))
                    {
                        counts[mutator.Id]++;
                        string where = $"{mutator.Id} {relative} {function.QualifiedName}: {candidate.Description}";
                        var reparsed = PythonSource.Parse(candidate.NewContent, relative);
                        Assert.True(reparsed.Diagnostics.Count == 0, where);
                        Assert.Equal(relative, candidate.File);
                        Assert.Equal(function.QualifiedName, candidate.Function);
                        var changed = MutatorTestSupport.ChangedLines(oldText, reparsed.Text.ToString());
                        Assert.True(changed is not null, $"no change: {where}");
                        Assert.True(changed.Value.First >= function.StartLine && changed.Value.Last <= function.EndLine,
                            $"lines {changed.Value.First}-{changed.Value.Last} outside {function.StartLine}-{function.EndLine}: {where}");
                    }
                }
            }
        }

        return counts;
    }

    private static string StdlibFolder()
    {
        var start = new ProcessStartInfo("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        string path = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        Assert.True(Directory.Exists(path), path);
        return path;
    }
}
