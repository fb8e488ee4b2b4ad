using System.Text;
using SweLego.Agent.Tools;
using SweLego.Tasks.Synthetic.Prompts;

namespace SweLego.Agent.Protocol;

/// <summary>
/// The texts the protocols show the model. The prose (<c>Prompts/*.txt</c>, embedded) is our own
/// wording of the released prompts' meaning; the function blocks are rendered byte for byte in the
/// released format (spec §2), since models trained on SWE-Lego data expect exactly that.
/// </summary>
internal static class ProtocolPrompts
{
    private static readonly string SuffixTemplate = Load("text-protocol-suffix.txt");
    private static readonly string Continue = Load("continue.txt");
    private static readonly string ContinueGiveUp = Load("continue-give-up.txt");

    /// <summary>The text protocol's system-prompt suffix: the function blocks inside the rules and the format example.</summary>
    public static string TextProtocolSuffix(IReadOnlyList<ToolDefinition> tools) =>
        PromptTemplates.Render(SuffixTemplate, new Dictionary<string, string> { ["functions"] = FunctionBlocks(tools) });

    /// <summary>
    /// One block per tool: <c>---- BEGIN FUNCTION #i: NAME ----</c>, <c>Description:</c>,
    /// <c>Parameters:</c>, one <c>  (j) name (type, required|optional): description</c> line per
    /// parameter (an enum adds <c>\nAllowed values: [`a`, `b`]</c> to the description),
    /// <c>---- END FUNCTION #i ----</c>; blocks separated by an empty line.
    /// </summary>
    public static string FunctionBlocks(IReadOnlyList<ToolDefinition> tools)
    {
        var text = new StringBuilder();
        for (int i = 0; i < tools.Count; i++)
        {
            var tool = tools[i];
            if (i > 0) text.Append('\n');
            text.Append($"---- BEGIN FUNCTION #{i + 1}: {tool.Name} ----\n");
            text.Append($"Description: {tool.Description}\n");
            text.Append("Parameters:\n");
            for (int j = 0; j < tool.Parameters.Count; j++)
            {
                var parameter = tool.Parameters[j];
                string description = parameter.Description;
                if (parameter.AllowedValues is { } allowed)
                    description += "\nAllowed values: [" + string.Join(", ", allowed.Select(v => $"`{v}`")) + "]";
                string status = parameter.Required ? "required" : "optional";
                text.Append($"  ({j + 1}) {parameter.Name} ({parameter.Type}, {status}): {description}\n");
            }
            text.Append($"---- END FUNCTION #{i + 1} ----\n");
        }
        return text.ToString();
    }

    /// <summary>The reply to a message without a call; from the second one on it adds that <c>finish</c> may be used to give up.</summary>
    public static string ContinueMessage(int noCallRepliesSoFar) =>
        noCallRepliesSoFar >= 2 ? Continue + ContinueGiveUp : Continue;

    private static string Load(string name) => EmbeddedResources.ReadText($"SweLego.Agent.Protocol.Prompts.{name}");
}
