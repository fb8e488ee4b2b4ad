using System.CommandLine;
using SweLego.Cli.Commands;
using SweLego.Curation.Masking;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary><c>curate rules</c> as the curate parent will mount it: the listing, <c>--dump</c> and <c>--rules</c>.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class CurateRulesCommandTests
{
    private static (int Exit, string Stdout) Run(params string[] args)
    {
        var root = new RootCommand { CurateRulesCommand.Create() };
        var stdout = new StringWriter();
        var old = Console.Out;
        Console.SetOut(stdout);
        try
        {
            int exit = root.Parse(["rules", .. args]).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
            return (exit, stdout.ToString());
        }
        finally
        {
            Console.SetOut(old);
        }
    }

    [Fact]
    public void Rules_NoOptions_ListsEveryDefaultRuleWithItsConditions()
    {
        var (exit, stdout) = Run();
        Assert.Equal(0, exit);
        Assert.StartsWith($"Masking rules: default, sha256 {MaskingRules.Default.ContentHash}\n", stdout);
        foreach (string id in MaskingRules.Default.Mask.Select(r => r.Id).Concat(MaskingRules.Default.Exempt.Select(e => e.Id)))
            Assert.Contains($"\n  {id}: ", stdout);
        Assert.Contains("\n      exempts: [nonzero-exit]\n      tools: [execute_bash]\n      exit-code: [1]\n", stdout);
    }

    [Fact]
    public void Rules_DumpEditedAndLoadedBack_ListsTheEditedRules()
    {
        var (exit, dumped) = Run("--dump");
        Assert.Equal(0, exit);
        Assert.Equal(MaskingRules.Default.ToYaml(), dumped);

        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "rules.yaml");
        File.WriteAllText(path, dumped.Replace("  - id: timeout\n", "  - id: slow-command\n", StringComparison.Ordinal));
        var (_, listed) = Run("--rules", path);
        Assert.StartsWith($"Masking rules: {path}, sha256 {MaskingRules.Load(path).ContentHash}\n", listed);
        Assert.Contains("\n  slow-command: the command timed out", listed);
        Assert.DoesNotContain("\n  timeout: ", listed);
    }

    [Fact]
    public void Rules_BadFile_FailsWithThePositionedError()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "rules.yaml");
        File.WriteAllText(path, "version: 1\nextends: default\ndisable: [timeouts]\n");
        var error = Assert.Throws<MaskingRulesException>(() => Run("--rules", path));
        Assert.Equal($"{path}:3:11: disable: no default rule has the id 'timeouts' (see `swelego curate rules`)", error.Message);
    }
}
