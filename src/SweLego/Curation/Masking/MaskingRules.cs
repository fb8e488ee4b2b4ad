using System.Security.Cryptography;
using System.Text;
using SweLego.Agent.Tools;

namespace SweLego.Curation.Masking;

/// <summary>
/// The step-level error masking rules as data: mask rules tried in order (the first that matches decides) and
/// exemptions for commands where failing is expected. The shipped defaults are the embedded
/// <c>default-rules.yaml</c> (documented there and in the README); <see cref="Load"/> reads a user's file,
/// which replaces them or, with <c>extends: default</c>, changes them. <see cref="ContentHash"/> identifies the
/// effective rules in reports, whichever file they came from. Immutable and thread-safe.
/// </summary>
public sealed class MaskingRules
{
    public const int FormatVersion = 1;

    /// <summary><see cref="Source"/> of the shipped rules.</summary>
    public const string DefaultSource = "default";

    private const string DefaultResource = "SweLego.Curation.Masking.default-rules.yaml";

    private static readonly Lazy<MaskingRules> DefaultRules = new(() => Parse(DefaultText, "default-rules.yaml", DefaultSource, defaults: null));

    private readonly string _canonical;

    private MaskingRules(IReadOnlyList<MaskRule> mask, IReadOnlyList<Exemption> exempt, string source)
    {
        Mask = mask;
        Exempt = exempt;
        Source = source;
        _canonical = RulesYaml.Canonical(mask, exempt);
        ContentHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_canonical)));
    }

    /// <summary>The tools rules may name: the agent's four.</summary>
    public static IReadOnlyList<string> KnownTools { get; } = [ExecuteBashTool.Schema.Name, StrReplaceEditorTool.Name, ThinkTool.Name, FinishTool.Name];

    /// <summary>The shipped rules.</summary>
    public static MaskingRules Default => DefaultRules.Value;

    /// <summary>The text of the shipped rules file, with its comments.</summary>
    public static string DefaultText => EmbeddedResources.ReadText(DefaultResource);

    /// <summary>Mask rules in priority order.</summary>
    public IReadOnlyList<MaskRule> Mask { get; }

    /// <summary>Exemptions in priority order.</summary>
    public IReadOnlyList<Exemption> Exempt { get; }

    /// <summary>Where the rules came from: <c>default</c>, a file path, or "PATH (extends default)".</summary>
    public string Source { get; }

    /// <summary>SHA-256 (hex) of the canonical text of the rules (<see cref="ToYaml"/> without its comment line).</summary>
    public string ContentHash { get; }

    /// <summary>Reads a user's rules file; <see cref="MaskingRulesException"/> names file:line:column and the field of any error.</summary>
    public static MaskingRules Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MaskingRulesException($"{path}: cannot read the rules file: {e.Message}", e);
        }

        return Parse(text, path);
    }

    /// <summary>Rules from YAML text; <paramref name="name"/> is the file name errors and <see cref="Source"/> give.</summary>
    public static MaskingRules Parse(string yaml, string name) => Parse(yaml, name, name, Default);

    private static MaskingRules Parse(string yaml, string name, string source, MaskingRules? defaults)
    {
        var (mask, exempt, extends) = MaskingRulesReader.Read(yaml, name, defaults);
        return new MaskingRules(mask, exempt, extends ? $"{source} (extends {MaskingRulesReader.ExtendsDefault})" : source);
    }

    /// <summary>The effective rules as a full-replacement file (for editing, then <c>--rules FILE</c>).</summary>
    public string ToYaml() =>
        $"# Masking rules from {Source}, sha256 {ContentHash}; fields: see `swelego curate rules` and the README.\n{_canonical}";
}
