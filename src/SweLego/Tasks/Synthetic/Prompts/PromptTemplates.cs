using System.Text.RegularExpressions;

namespace SweLego.Tasks.Synthetic.Prompts;

/// <summary>
/// The embedded prompt templates (<c>Prompts/*.txt</c>) and their one-pass <c>{{name}}</c> substitution:
/// a value is never scanned again, so code containing <c>{{x}}</c> passes through unchanged.
/// </summary>
internal static partial class PromptTemplates
{
    public static readonly string LlmRewrite = Load("llm-rewrite.txt");
    public static readonly string ProblemStatement = Load("problem-statement.txt");

    /// <summary>Replaces every <c>{{key}}</c>; a key without a value is a bug and throws.</summary>
    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, match => values.TryGetValue(match.Groups[1].Value, out var value)
            ? value
            : throw new InvalidOperationException($"Prompt template placeholder {match.Value} has no value."));

    private static string Load(string name) => EmbeddedResources.ReadText($"SweLego.Tasks.Synthetic.Prompts.{name}");

    [GeneratedRegex(@"\{\{([a-z_]+)\}\}")]
    private static partial Regex Placeholder();
}
