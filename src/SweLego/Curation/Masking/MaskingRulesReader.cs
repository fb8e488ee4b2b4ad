using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SweLego.Curation.Masking;

/// <summary>
/// Reads a rules file (the format of default-rules.yaml) through YamlDotNet's node model, which keeps every
/// node's position: each error names file:line:column and the field. A file with <c>extends: default</c>
/// changes the defaults: <c>disable</c> removes rules by id, a rule with a default's id replaces it in
/// place, and new rules are tried before the defaults (they are usually the more specific ones).
/// </summary>
internal static partial class MaskingRulesReader
{
    public const string ExtendsDefault = "default";

    private static readonly string[] RootKeys = ["version", "extends", "disable", "mask", "exempt"];
    private static readonly string[] MaskKeys = ["id", "description", "turn", "tools", "observation", "command", "unless-command", "exit-code"];
    private static readonly string[] ExemptKeys = ["id", "description", "exempts", "tools", "exit-code", "command", "last-command", "created-script"];

    /// <summary>The rules in <paramref name="text"/>; <paramref name="defaults"/> is what <c>extends: default</c> starts from (null while reading the defaults).</summary>
    public static (IReadOnlyList<MaskRule> Mask, IReadOnlyList<Exemption> Exempt, bool Extends) Read(string text, string file, MaskingRules? defaults)
    {
        var reader = new Reader(file);
        var root = reader.Root(text);
        var fields = reader.Fields(root, "", RootKeys);

        if (!fields.TryGetValue("version", out var version)) throw reader.Error(root, "version", $"missing; write `version: {MaskingRules.FormatVersion}` first");
        if (reader.Scalar(version, "version") != MaskingRules.FormatVersion.ToString(CultureInfo.InvariantCulture))
            throw reader.Error(version, "version", $"unsupported version {((YamlScalarNode)version).Value} (this swelego reads version {MaskingRules.FormatVersion})");

        bool extends = false;
        if (fields.TryGetValue("extends", out var extendsNode))
        {
            if (reader.Scalar(extendsNode, "extends") != ExtendsDefault || defaults is null)
                throw reader.Error(extendsNode, "extends", $"only `extends: {ExtendsDefault}` is supported (the shipped defaults)");
            extends = true;
        }

        var ids = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var mask = fields.TryGetValue("mask", out var maskNode) ? reader.Entries(maskNode, "mask").Select(e => reader.MaskRule(e.Node, e.Field, ids)).ToList() : [];
        var exemptEntries = fields.TryGetValue("exempt", out var exemptNode)
            ? reader.Entries(exemptNode, "exempt").Select(e => reader.Exemption(e.Node, e.Field, ids)).ToList()
            : [];

        var disabled = new HashSet<string>(StringComparer.Ordinal);
        if (fields.TryGetValue("disable", out var disableNode))
        {
            if (!extends) throw reader.Error(disableNode, "disable", $"only a file with `extends: {ExtendsDefault}` can disable rules (a file without it replaces the defaults)");
            foreach (var (node, id) in reader.Words(disableNode, "disable"))
            {
                if (!defaults!.Mask.Any(r => r.Id == id) && !defaults.Exempt.Any(e => e.Id == id))
                    throw reader.Error(node, "disable", $"no default rule has the id '{id}' (see `swelego curate rules`)");
                if (ids.ContainsKey(id)) throw reader.Error(node, "disable", $"'{id}' is disabled and also defined in this file; keep one");
                disabled.Add(id);
            }
        }

        var exempt = exemptEntries.Select(e => e.Exemption).ToList();
        if (extends) (mask, exempt) = Merge(reader, defaults!, disabled, mask, exemptEntries);
        foreach (var (_, exempts) in exemptEntries) reader.CheckExempts(exempts, mask);
        return (mask, exempt, extends);
    }

    private static (List<MaskRule>, List<Exemption>) Merge(Reader reader, MaskingRules defaults, HashSet<string> disabled, List<MaskRule> mask,
        List<(Exemption Exemption, IReadOnlyList<(YamlNode Node, string Id)> Exempts)> exempt)
    {
        var baseMask = defaults.Mask.Where(r => !disabled.Contains(r.Id)).ToList();
        var baseExempt = defaults.Exempt.Where(e => !disabled.Contains(e.Id))
            .Select(e => e with { Exempts = [.. e.Exempts.Where(id => !disabled.Contains(id))] }).ToList();
        var addedMask = new List<MaskRule>();
        foreach (var rule in mask)
        {
            int at = baseMask.FindIndex(r => r.Id == rule.Id);
            if (baseExempt.Any(e => e.Id == rule.Id)) throw reader.KindClash(rule.Id, "mask", "an exemption");
            if (at >= 0) baseMask[at] = rule;
            else addedMask.Add(rule);
        }

        var addedExempt = new List<Exemption>();
        foreach (var (exemption, _) in exempt)
        {
            int at = baseExempt.FindIndex(e => e.Id == exemption.Id);
            if (baseMask.Any(r => r.Id == exemption.Id)) throw reader.KindClash(exemption.Id, "exempt", "a mask rule");
            if (at >= 0) baseExempt[at] = exemption;
            else addedExempt.Add(exemption);
        }

        return ([.. addedMask, .. baseMask], [.. addedExempt, .. baseExempt]);
    }

    [GeneratedRegex(@"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    private static partial Regex IdShape();

    /// <summary>One file's reading state: its name and the nodes of its ids (for errors that point at them).</summary>
    private sealed class Reader(string file)
    {
        private readonly Dictionary<string, YamlNode> _idNodes = new(StringComparer.Ordinal);

        public YamlMappingNode Root(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException e)
            {
                throw MaskingRulesException.At(file, e.Start.Line, e.Start.Column, "yaml", YamlReason(e), e);
            }

            if (stream.Documents.Count == 0) throw MaskingRulesException.At(file, 1, 1, "version", $"the file is empty; it needs `version: {MaskingRules.FormatVersion}` and rules");
            return stream.Documents[0].RootNode as YamlMappingNode
                ?? throw Error(stream.Documents[0].RootNode, "(file)", "expected a mapping with the keys version, extends, disable, mask, exempt");
        }

        public MaskingRulesException Error(YamlNode node, string field, string reason) =>
            MaskingRulesException.At(file, node.Start.Line, node.Start.Column, field, reason);

        public MaskingRulesException KindClash(string id, string list, string other)
        {
            var node = _idNodes[id];
            return Error(node, $"{list}[{id}].id", $"the defaults have {other} with the id '{id}'; ids are shared by mask rules and exemptions");
        }

        /// <summary>The mapping's values by key; unknown keys are errors naming the keys allowed.</summary>
        public Dictionary<string, YamlNode> Fields(YamlMappingNode mapping, string prefix, string[] known)
        {
            var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            foreach (var (keyNode, value) in mapping.Children)
            {
                string key = keyNode is YamlScalarNode { Value: { } k } ? k : "";
                if (!known.Contains(key))
                    throw Error(keyNode, prefix + key, $"unknown key '{key}' (known: {string.Join(", ", known)})");
                fields[key] = value;
            }

            return fields;
        }

        public string Scalar(YamlNode node, string field) =>
            node is YamlScalarNode { Value: { } value } ? value : throw Error(node, field, "expected a single value, not a list or mapping");

        public IEnumerable<(YamlMappingNode Node, string Field)> Entries(YamlNode node, string list)
        {
            if (node is YamlScalarNode { Value: "" or null }) yield break;
            if (node is not YamlSequenceNode sequence) throw Error(node, list, "expected a list of rules (entries starting with `- id:`)");
            int number = 0;
            foreach (var item in sequence.Children)
            {
                number++;
                if (item is not YamlMappingNode entry) throw Error(item, $"{list}[#{number}]", "expected a rule (a mapping with id and its fields)");
                string id = entry.Children.TryGetValue(new YamlScalarNode("id"), out var idNode) && idNode is YamlScalarNode { Value: { } v } ? v : $"#{number}";
                yield return (entry, $"{list}[{id}]");
            }
        }

        public List<(YamlNode Node, string Word)> Words(YamlNode node, string field)
        {
            if (node is not YamlSequenceNode sequence) throw Error(node, field, "expected a list, e.g. [a, b]");
            return [.. sequence.Children.Select(item => (item, Scalar(item, field)))];
        }

        public MaskRule MaskRule(YamlMappingNode entry, string field, Dictionary<string, YamlNode> ids)
        {
            var fields = Fields(entry, field + ".", MaskKeys);
            string id = Id(entry, fields, field, ids);
            var turn = TurnKind.Call;
            if (fields.TryGetValue("turn", out var turnNode))
                turn = RulesYaml.ParseTurn(Scalar(turnNode, field + ".turn"))
                    ?? throw Error(turnNode, field + ".turn", $"expected {RulesYaml.Call}, {RulesYaml.Malformed} or {RulesYaml.NoCall}");
            var rule = new MaskRule(id, Description(fields, field))
            {
                Turn = turn, Tools = Tools(fields, field),
                Observation = Pattern(fields, "observation", field), Command = Pattern(fields, "command", field),
                UnlessCommand = Pattern(fields, "unless-command", field), ExitCode = ExitCode(fields, field),
            };
            bool conditions = rule.Observation is not null || rule.Command is not null || rule.ExitCode is not null;
            if (turn == TurnKind.Call && !conditions)
                throw Error(entry, field, "a rule for calls needs observation, command or exit-code (it would mask every call)");
            if (turn != TurnKind.Call && (conditions || rule.UnlessCommand is not null))
                throw Error(entry, field, $"a `turn: {RulesYaml.TurnWord(turn)}` rule takes no observation, command, unless-command or exit-code (such turns have no command)");
            return rule;
        }

        public (Exemption Exemption, IReadOnlyList<(YamlNode Node, string Id)> Exempts) Exemption(YamlMappingNode entry, string field, Dictionary<string, YamlNode> ids)
        {
            var fields = Fields(entry, field + ".", ExemptKeys);
            string id = Id(entry, fields, field, ids);
            if (!fields.TryGetValue("exempts", out var exemptsNode))
                throw Error(entry, field + ".exempts", "missing: list the mask rules this exemption overrides, e.g. [nonzero-exit]");
            var exempts = Words(exemptsNode, field + ".exempts");
            bool created = false;
            if (fields.TryGetValue("created-script", out var createdNode))
                created = Scalar(createdNode, field + ".created-script") switch
                {
                    "true" => true,
                    "false" => false,
                    var other => throw Error(createdNode, field + ".created-script", $"expected true or false, not '{other}'"),
                };
            var exemption = new Exemption(id, Description(fields, field), [.. exempts.Select(e => e.Word)])
            {
                Tools = Tools(fields, field), ExitCode = ExitCode(fields, field),
                Command = Pattern(fields, "command", field), LastCommand = Pattern(fields, "last-command", field), CreatedScript = created,
            };
            if (exemption.Command is null && exemption.LastCommand is null && !created)
                throw Error(entry, field, "an exemption needs command, last-command or created-script: true (what the command does)");
            return (exemption, exempts);
        }

        /// <summary>Each id an exemption overrides must be a mask rule for calls of the final rule set.</summary>
        public void CheckExempts(IReadOnlyList<(YamlNode Node, string Id)> exempts, IReadOnlyList<MaskRule> mask)
        {
            foreach (var (node, id) in exempts)
            {
                var rule = mask.FirstOrDefault(r => r.Id == id);
                if (rule is null) throw Error(node, "exempts", $"no mask rule has the id '{id}' (disabled, misspelt, or an exemption)");
                if (rule.Turn != TurnKind.Call)
                    throw Error(node, "exempts", $"'{id}' masks {RulesYaml.TurnWord(rule.Turn)} turns, which have no command to exempt");
            }
        }

        private string Id(YamlMappingNode entry, Dictionary<string, YamlNode> fields, string field, Dictionary<string, YamlNode> ids)
        {
            if (!fields.TryGetValue("id", out var node)) throw Error(entry, field + ".id", "missing: every rule needs a stable id");
            string id = Scalar(node, field + ".id");
            if (!IdShape().IsMatch(id)) throw Error(node, field + ".id", $"'{id}' is not an id: lower-case letters and digits, words joined by '-'");
            if (id == TurnDecision.Clean) throw Error(node, field + ".id", $"'{TurnDecision.Clean}' is reserved for turns no rule matched");
            if (ids.TryGetValue(id, out var first))
                throw Error(node, field + ".id", $"duplicate id '{id}' (first at line {first.Start.Line}); ids are shared by mask rules and exemptions");
            ids[id] = node;
            _idNodes[id] = node;
            return id;
        }

        private string Description(Dictionary<string, YamlNode> fields, string field) =>
            fields.TryGetValue("description", out var node) ? Scalar(node, field + ".description") : "";

        private IReadOnlyList<string> Tools(Dictionary<string, YamlNode> fields, string field)
        {
            if (!fields.TryGetValue("tools", out var node)) return [];
            var tools = Words(node, field + ".tools");
            foreach (var (item, tool) in tools)
            {
                if (!MaskingRules.KnownTools.Contains(tool))
                    throw Error(item, field + ".tools", $"unknown tool '{tool}' (known: {string.Join(", ", MaskingRules.KnownTools)})");
            }

            return [.. tools.Select(t => t.Word)];
        }

        private RulePattern? Pattern(Dictionary<string, YamlNode> fields, string key, string field)
        {
            if (!fields.TryGetValue(key, out var node)) return null;
            string source = Scalar(node, $"{field}.{key}");
            try
            {
                return RulePattern.Compile(source);
            }
            catch (RegexParseException e)
            {
                throw Error(node, $"{field}.{key}", $"bad regular expression at offset {e.Offset}: {e.Error}");
            }
            catch (NotSupportedException e)
            {
                throw Error(node, $"{field}.{key}", $"not supported by the non-backtracking engine rules use ({e.Message})");
            }
        }

        private ExitCodeCondition? ExitCode(Dictionary<string, YamlNode> fields, string field)
        {
            if (!fields.TryGetValue("exit-code", out var node)) return null;
            bool zero = false, nonzero = false, missing = false;
            var codes = new List<int>();
            foreach (var (item, word) in Words(node, field + ".exit-code"))
            {
                switch (word)
                {
                    case ExitCodeCondition.ZeroWord: zero = true; break;
                    case ExitCodeCondition.NonzeroWord: nonzero = true; break;
                    case ExitCodeCondition.MissingWord: missing = true; break;
                    default:
                        codes.Add(int.TryParse(word, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code)
                            ? code
                            : throw Error(item, field + ".exit-code", $"'{word}' is not zero, nonzero, missing or a number"));
                        break;
                }
            }

            return new ExitCodeCondition(zero, nonzero, missing, codes);
        }

        // YamlDotNet's message starts with its own "(Line: 3, Col: 5, Idx: 20) - (Line: ...): " position, which the error already gives.
        private static string YamlReason(YamlException e)
        {
            int end = e.Message.IndexOf("): ", StringComparison.Ordinal);
            return e.Message.StartsWith("(Line:", StringComparison.Ordinal) && end >= 0 ? e.Message[(end + 3)..] : e.Message;
        }
    }
}
