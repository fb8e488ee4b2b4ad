using SweLego.Curation;
using SweLego.Curation.Masking;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Curation.Masking;

/// <summary>The rules as data: the shipped defaults, user files (replacement, extends/disable) and every error naming file:line:column and field.</summary>
public sealed class MaskingRulesTests
{
    private static string ErrorOf(string yaml) => Assert.Throws<MaskingRulesException>(() => MaskingRules.Parse(yaml, "rules.yaml")).Message;

    [Fact]
    public void Default_HasTheDocumentedIdsInPriorityOrder()
    {
        var rules = MaskingRules.Default;
        Assert.Equal(
            ["malformed-call", "error-observation", "no-replacement", "editor-error", "no-running-command", "timeout", "command-not-found",
             "missing-script", "syntax-error", "python-traceback", "no-such-file", "nonzero-exit"],
            rules.Mask.Select(r => r.Id));
        Assert.Equal(["runs-tests", "reproduction-script", "search-no-match"], rules.Exempt.Select(e => e.Id));
        Assert.Equal(MaskingRules.DefaultSource, rules.Source);
        Assert.All(rules.Mask, r => Assert.NotEmpty(r.Description));
        Assert.Matches("^[0-9a-f]{64}$", rules.ContentHash);
    }

    [Fact]
    public void ToYaml_Reloaded_SameRulesAndHash()
    {
        string dumped = MaskingRules.Default.ToYaml();
        var reloaded = MaskingRules.Parse(dumped, "dumped.yaml");
        Assert.Equal(MaskingRules.Default.ContentHash, reloaded.ContentHash);
        Assert.Equal("dumped.yaml", reloaded.Source);
        Assert.Equal(dumped[dumped.IndexOf('\n', StringComparison.Ordinal)..], reloaded.ToYaml()[reloaded.ToYaml().IndexOf('\n', StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Parse_FullReplacement_OnlyItsRules()
    {
        var rules = MaskingRules.Parse("""
            version: 1
            mask:
              - id: pip-failed
                description: pip could not install
                tools: [execute_bash]
                command: '^pip3? install'
                exit-code: [nonzero]
            """, "mine.yaml");
        var decisions = new StepMasker(rules).Decide(new TurnScript()
            .Bash("pip install -e .", "ERROR: No matching distribution found for tallyx", 1)
            .Bash("cd /testbed && python -m pytest", "1 failed", 1).Build());
        Assert.Equal([(true, "pip-failed", "pip install -e ."), (false, TurnDecision.Clean, null)], decisions.Select(d => (d.Masked, d.Rule, d.Evidence)));
        Assert.Equal("mine.yaml", rules.Source);
        Assert.NotEqual(MaskingRules.Default.ContentHash, rules.ContentHash);
    }

    [Fact]
    public void Parse_ExtendsWithDisableReplaceAndAdd_ChangesOnlyThose()
    {
        var rules = MaskingRules.Parse("""
            version: 1
            extends: default
            disable: [nonzero-exit, search-no-match]
            mask:
              - id: timeout
                description: only hard timeouts
                tools: [execute_bash]
                observation: '\[The command timed out after'
              - id: no-call-reply
                turn: no-call
            """, "mine.yaml");
        Assert.Equal("mine.yaml (extends default)", rules.Source);
        Assert.Equal("no-call-reply", rules.Mask[0].Id);
        Assert.Equal("only hard timeouts", rules.Mask.Single(r => r.Id == "timeout").Description);
        Assert.Equal(MaskingRules.Default.Mask.FindIndexOf("timeout") + 1, rules.Mask.FindIndexOf("timeout"));
        Assert.DoesNotContain(rules.Mask, r => r.Id == "nonzero-exit");
        Assert.DoesNotContain("nonzero-exit", rules.Exempt.Single(e => e.Id == "runs-tests").Exempts);
        Assert.Equal(["runs-tests", "reproduction-script"], rules.Exempt.Select(e => e.Id));

        var decisions = new StepMasker(rules).Decide(new TurnScript()
            .Bash("git apply fix.patch", "error: patch failed", 1)
            .BashStillRunning("sleep 100", "", timeoutSeconds: null)
            .NoCall("Done, I think.").Build());
        Assert.Equal([(false, TurnDecision.Clean), (false, TurnDecision.Clean), (true, "no-call-reply")], decisions.Select(d => (d.Masked, d.Rule)));

        // The effective rules dump to a full replacement that loads as the same rules.
        Assert.Equal(rules.ContentHash, MaskingRules.Parse(rules.ToYaml(), "again.yaml").ContentHash);
    }

    [Fact]
    public void Load_MissingFile_NamesThePath()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "rules.yaml");
        var error = Assert.Throws<MaskingRulesException>(() => MaskingRules.Load(path));
        Assert.StartsWith($"{path}: cannot read the rules file: ", error.Message);
    }

    [Fact]
    public void Load_File_SourceIsItsPath()
    {
        using var temp = new TempDirectory();
        string path = Path.Combine(temp.Path, "rules.yaml");
        File.WriteAllText(path, "version: 1\nextends: default\ndisable: [timeout]\n");
        var rules = MaskingRules.Load(path);
        Assert.Equal($"{path} (extends default)", rules.Source);
        Assert.Equal(MaskingRules.Default.Mask.Count - 1, rules.Mask.Count);
    }

    [Theory]
    [InlineData("version: 1\nmask:\n  - id: bad\n    observation: 'Traceback ('\n", "rules.yaml:4:18: mask[bad].observation: bad regular expression at offset 11: InsufficientClosingParentheses")]
    [InlineData("version: 1\nmask:\n  - id: look\n    command: '^(?!pytest)python'\n", "rules.yaml:4:14: mask[look].command: not supported by the non-backtracking engine rules use (")]
    [InlineData("version: 1\nmasks: []\n", "rules.yaml:2:1: masks: unknown key 'masks' (known: version, extends, disable, mask, exempt)")]
    [InlineData("version: 1\nmask:\n  - id: a\n    exit_code: [nonzero]\n", "rules.yaml:4:5: mask[a].exit_code: unknown key 'exit_code' (known: id, description, turn, tools, observation, command, unless-command, exit-code)")]
    [InlineData("version: 1\nmask:\n  - id: a\n    exit-code: [nonzero]\nexempt:\n  - id: a\n    exempts: [a]\n    command: x\n", "rules.yaml:6:9: exempt[a].id: duplicate id 'a' (first at line 3); ids are shared by mask rules and exemptions")]
    [InlineData("version: 1\nmask:\n  - id: a\n    tools: [execute_bash, bash]\n    exit-code: [nonzero]\n", "rules.yaml:4:27: mask[a].tools: unknown tool 'bash' (known: execute_bash, str_replace_editor, think, finish)")]
    [InlineData("version: 1\nmask:\n  - id: a\n    exit-code: [nonzero, failed]\n", "rules.yaml:4:26: mask[a].exit-code: 'failed' is not zero, nonzero, missing or a number")]
    [InlineData("version: 1\nmask:\n  - id: a\n    tools: [execute_bash]\n", "rules.yaml:3:5: mask[a]: a rule for calls needs observation, command or exit-code (it would mask every call)")]
    [InlineData("version: 1\nmask:\n  - id: a\n    turn: malformed\n    exit-code: [1]\n", "rules.yaml:3:5: mask[a]: a `turn: malformed` rule takes no observation, command, unless-command or exit-code (such turns have no command)")]
    [InlineData("version: 1\nmask:\n  - id: a\n    turn: broken\n", "rules.yaml:4:11: mask[a].turn: expected call, malformed or no-call")]
    [InlineData("version: 1\nmask:\n  - id: Not_An_Id\n    exit-code: [1]\n", "rules.yaml:3:9: mask[Not_An_Id].id: 'Not_An_Id' is not an id: lower-case letters and digits, words joined by '-'")]
    [InlineData("version: 1\nmask:\n  - id: clean\n    exit-code: [1]\n", "rules.yaml:3:9: mask[clean].id: 'clean' is reserved for turns no rule matched")]
    [InlineData("version: 1\nmask:\n  - description: x\n    exit-code: [1]\n", "rules.yaml:3:5: mask[#1].id: missing: every rule needs a stable id")]
    [InlineData("version: 1\nextends: default\ndisable: [nonzero-exit, non-zero-exit]\n", "rules.yaml:3:25: disable: no default rule has the id 'non-zero-exit' (see `swelego curate rules`)")]
    [InlineData("version: 1\ndisable: [timeout]\n", "rules.yaml:2:10: disable: only a file with `extends: default` can disable rules (a file without it replaces the defaults)")]
    [InlineData("version: 1\nextends: default\ndisable: [timeout]\nmask:\n  - id: timeout\n    exit-code: [1]\n", "rules.yaml:3:11: disable: 'timeout' is disabled and also defined in this file; keep one")]
    [InlineData("version: 1\nextends: defaults\n", "rules.yaml:2:10: extends: only `extends: default` is supported (the shipped defaults)")]
    [InlineData("version: 1\nextends: default\nexempt:\n  - id: make-check\n    exempts: [nonzero-exit, timeouts]\n    command: '^make check'\n", "rules.yaml:5:29: exempts: no mask rule has the id 'timeouts' (disabled, misspelt, or an exemption)")]
    [InlineData("version: 1\nextends: default\nexempt:\n  - id: retry\n    exempts: [malformed-call]\n    command: x\n", "rules.yaml:5:15: exempts: 'malformed-call' masks malformed turns, which have no command to exempt")]
    [InlineData("version: 1\nexempt:\n  - id: make-check\n    command: '^make check'\n", "rules.yaml:3:5: exempt[make-check].exempts: missing: list the mask rules this exemption overrides, e.g. [nonzero-exit]")]
    [InlineData("version: 1\nmask: []\nexempt:\n  - id: e\n    exempts: []\n", "rules.yaml:4:5: exempt[e]: an exemption needs command, last-command or created-script: true (what the command does)")]
    [InlineData("version: 1\nmask: []\nexempt:\n  - id: e\n    exempts: []\n    created-script: yes\n", "rules.yaml:6:21: exempt[e].created-script: expected true or false, not 'yes'")]
    [InlineData("version: 1\nextends: default\nmask:\n  - id: runs-tests\n    exit-code: [1]\n", "rules.yaml:4:9: mask[runs-tests].id: the defaults have an exemption with the id 'runs-tests'; ids are shared by mask rules and exemptions")]
    [InlineData("mask: []\n", "rules.yaml:1:1: version: missing; write `version: 1` first")]
    [InlineData("version: 2\nmask: []\n", "rules.yaml:1:10: version: unsupported version 2 (this swelego reads version 1)")]
    [InlineData("", "rules.yaml:1:1: version: the file is empty; it needs `version: 1` and rules")]
    [InlineData("version: 1\nmask:\n  - id: a\n    exit-code: [1\n", "rules.yaml:5:1: yaml: ")]
    [InlineData("version: 1\nmask:\n  id: a\n", "rules.yaml:3:3: mask: expected a list of rules (entries starting with `- id:`)")]
    [InlineData("version: 1\nmask:\n  - id: a\n    observation: [x]\n", "rules.yaml:4:18: mask[a].observation: expected a single value, not a list or mapping")]
    public void Parse_InvalidFile_ErrorNamesLineColumnAndField(string yaml, string expected)
    {
        Assert.StartsWith(expected, ErrorOf(yaml));
    }
}

internal static class RuleListExtensions
{
    public static int FindIndexOf(this IReadOnlyList<MaskRule> rules, string id) => rules.Select((r, i) => (r, i)).Single(x => x.r.Id == id).i;
}
