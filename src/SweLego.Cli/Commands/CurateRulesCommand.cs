using System.CommandLine;
using SweLego.Curation.Masking;

namespace SweLego.Cli.Commands;

/// <summary>
/// <c>swelego curate rules [--rules FILE] [--dump]</c>: the effective step-level masking rules, or their YAML for
/// editing. <see cref="RulesOption"/> and <see cref="LoadRules"/> are shared with the other <c>curate</c> verbs.
/// </summary>
internal static class CurateRulesCommand
{
    public static Command Create()
    {
        var rules = RulesOption();
        var dump = new Option<bool>("--dump") { Description = "Write the effective rules as a YAML file (stdout) to edit and pass back with --rules." };
        var command = new Command("rules",
            "Show the step-level error masking rules: mask rules in priority order (the first that matches a turn masks it) and the " +
            "exemptions that keep a matched turn trained because its command runs tests or a reproduction script. Each decision records " +
            "the rule's id; the content hash identifies the rules in reports.\n\n" +
            "Examples:\n  swelego curate rules\n  swelego curate rules --dump > my-rules.yaml\n  swelego curate rules --rules my-rules.yaml");
        command.Options.Add(rules);
        command.Options.Add(dump);
        command.SetAction(parse =>
        {
            var effective = LoadRules(parse.GetValue(rules));
            if (parse.GetValue(dump)) Console.Out.Write(effective.ToYaml());
            else foreach (string line in Describe(effective)) Console.Out.WriteLine(line);
            return 0;
        });
        return command;
    }

    /// <summary><c>--rules FILE</c>: a masking rules file replacing the defaults, or changing them with <c>extends: default</c>.</summary>
    public static Option<string?> RulesOption() => new("--rules")
    {
        Description = "A masking rules YAML file: a full replacement of the defaults, or `extends: default` with added, replaced and disabled rules.",
        HelpName = "FILE",
    };

    /// <summary>The rules of <c>--rules</c>, or the defaults without it.</summary>
    public static MaskingRules LoadRules(string? path) => path is null ? MaskingRules.Default : MaskingRules.Load(path);

    /// <summary>The rules as text lines: a header, then each rule's id, description and conditions.</summary>
    public static IEnumerable<string> Describe(MaskingRules rules)
    {
        yield return $"Masking rules: {rules.Source}, sha256 {rules.ContentHash}";
        yield return $"Mask rules ({rules.Mask.Count}; the first that matches a turn masks it):";
        foreach (var rule in rules.Mask)
        {
            foreach (string line in Entry(rule.Id, rule.Description, rule.Fields())) yield return line;
        }

        yield return $"Exemptions ({rules.Exempt.Count}; keep a turn trained when it overrides the mask rule that matched):";
        foreach (var exemption in rules.Exempt)
        {
            foreach (string line in Entry(exemption.Id, exemption.Description, exemption.Fields())) yield return line;
        }
    }

    private static IEnumerable<string> Entry(string id, string description, IEnumerable<(string Key, string Value)> fields)
    {
        yield return $"  {id}: {description}";
        foreach (var (key, value) in fields.Where(f => f.Key != "description")) yield return $"      {key}: {value}";
    }
}
