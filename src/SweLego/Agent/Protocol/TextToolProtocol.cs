using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SweLego.Agent.Tools;
using SweLego.Models;

namespace SweLego.Agent.Protocol;

/// <summary>
/// The text protocol of spec §2 (the default; what SWE-Lego's SFT data uses): the tools are
/// described in a system-prompt suffix, the model writes <c>&lt;function=NAME&gt;</c> blocks, the
/// request stops at <c>&lt;/function</c>, and only the reply's first call runs. Earlier turns go
/// back re-rendered canonically, results as <c>EXECUTION RESULT of [NAME]:</c> user messages.
/// </summary>
public sealed partial class TextToolProtocol : IToolCallProtocol
{
    public const string StopWord = "</function";

    private const string FunctionOpening = "<function=";

    public string Name => "text";

    public IReadOnlyList<string>? Stop { get; } = [StopWord];

    public string SystemPrompt(string basePrompt, IReadOnlyList<ToolDefinition> tools) =>
        basePrompt + ProtocolPrompts.TextProtocolSuffix(tools);

    public IReadOnlyList<ModelTool>? NativeTools(IReadOnlyList<ToolDefinition> tools) => null;

    /// <summary>
    /// Finds the first call (after completing a reply cut at the stop word), reads its parameters
    /// (values not stripped) and validates them. Beyond the released code, a call at the end of the
    /// reply whose last <c>&lt;/parameter&gt;</c> or whose <c>&lt;/function&gt;</c> is missing is
    /// closed, unless the server cut the reply at its token limit inside a value.
    /// </summary>
    public ParsedTurn Parse(ModelReply reply, IReadOnlyList<ToolDefinition> tools)
    {
        var repairs = new List<CallRepair>();
        var (text, appended) = CompleteAtStopWord(reply.Text);
        var call = CallPattern().Match(text);
        if (!call.Success && UnclosedLastCall(text))
        {
            (text, appended) = (Close(text), true);
            repairs.Add(new CallRepair(CallRepairKinds.ClosingFunctionTag, "the call at the end of the reply had no </function>; closed"));
            call = CallPattern().Match(text, text.LastIndexOf(FunctionOpening, StringComparison.Ordinal));
        }
        // Without a call the reply stays as the model wrote it, as in the released code.
        if (!call.Success) return new ParsedTurn(reply.Text, Reasoning(reply.Text), null, null, repairs);

        string name = call.Groups[1].Value;
        string body = call.Groups[2].Value;
        var arguments = new List<KeyValuePair<string, JsonNode?>>();
        int tailStart = 0;
        foreach (Match parameter in ParameterPattern().Matches(body))
        {
            arguments.Add(new(parameter.Groups[1].Value, JsonValue.Create(parameter.Groups[2].Value)));
            tailStart = parameter.Index + parameter.Length;
        }
        var unclosed = OpenParameterPattern().Match(body, tailStart);
        bool callEndsReply = string.IsNullOrWhiteSpace(text[(call.Index + call.Length)..]);
        if (unclosed.Success && callEndsReply)
        {
            string parameterName = unclosed.Groups[1].Value;
            if (appended && reply.FinishReason == "length")
                return new ParsedTurn(text, Reasoning(text), null, $"The reply was cut off at the output token limit inside parameter '{parameterName}' of function '{name}', so the call was not run.", repairs);
            string value = body[(unclosed.Index + unclosed.Length)..];
            // The newline before a </function> we appended is ours, not the value's.
            if (appended && value.EndsWith('\n')) value = value[..^1];
            arguments.Add(new(parameterName, JsonValue.Create(value)));
            repairs.Add(new CallRepair(CallRepairKinds.ClosingParameterTag, $"parameter '{parameterName}' had no </parameter>; closed at the end of the call"));
        }

        var result = CallValidator.Validate(CallDialect.Text, name, arguments, tools, repairs);
        return new ParsedTurn(text, Reasoning(text), result.Call, result.Error, result.Repairs);
    }

    /// <summary>A call is re-rendered canonically (the reasoning, an empty line, the call); anything else stays as written.</summary>
    public ModelMessage AssistantMessage(ParsedTurn turn)
    {
        if (turn.Call is null) return ModelMessage.Assistant(turn.Text);
        string call = Render(turn.Call);
        return ModelMessage.Assistant(turn.Reasoning.Length == 0 ? call : turn.Reasoning + "\n\n" + call);
    }

    /// <summary>A call's result is <c>EXECUTION RESULT of [NAME]:\n</c> + the observation; a malformed call's error observation comes bare, as in the released code.</summary>
    public ModelMessage ObservationMessage(ParsedTurn turn, string observation) =>
        ModelMessage.User(turn.Call is null ? observation : $"EXECUTION RESULT of [{turn.Call.Name}]:\n{observation}");

    public ModelMessage ContinueMessage(int noCallRepliesSoFar) => ModelMessage.User(ProtocolPrompts.ContinueMessage(noCallRepliesSoFar));

    /// <summary>
    /// The canonical form of a call: one <c>&lt;parameter=P&gt;V&lt;/parameter&gt;</c> line per argument,
    /// values holding a newline wrapped as <c>&lt;parameter=P&gt;\nV\n&lt;/parameter&gt;</c>, arrays and
    /// objects as Python's <c>json.dumps</c>, and <c>&lt;/function&gt;</c> with no newline after it.
    /// </summary>
    public static string Render(AgentCall call)
    {
        var text = new StringBuilder().Append($"<function={call.Name}>\n");
        foreach (var (name, value) in call.Arguments)
        {
            string rendered = value switch
            {
                JsonArray or JsonObject => PythonText.JsonDumps(value),
                _ when value?.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
                _ => value?.ToJsonString() ?? "None",
            };
            bool multiline = value?.GetValueKind() == JsonValueKind.String && rendered.Contains('\n');
            text.Append($"<parameter={name}>");
            if (multiline) text.Append('\n');
            text.Append(rendered);
            if (multiline) text.Append('\n');
            text.Append("</parameter>\n");
        }
        return text.Append("</function>").ToString();
    }

    /// <summary>
    /// The first complete call in a text, read but not checked against any tool (importers keep calls to tools that are not
    /// ours under their own name); values are text, as the model wrote them. Null when the text has no complete call.
    /// </summary>
    public static (string Name, JsonObject Arguments)? ReadCall(string text)
    {
        var call = CallPattern().Match(text);
        if (!call.Success) return null;
        var arguments = new JsonObject();
        foreach (Match parameter in ParameterPattern().Matches(call.Groups[2].Value)) arguments[parameter.Groups[1].Value] = parameter.Groups[2].Value;
        return (call.Groups[1].Value, arguments);
    }

    /// <summary>
    /// The released stop-word rule: a reply holding exactly one <c>&lt;function=</c> (and, unlike the
    /// released code, no <c>&lt;/function&gt;</c> after it already) is closed. Returns whether a
    /// newline was appended before the closing tag.
    /// </summary>
    private static (string Text, bool Appended) CompleteAtStopWord(string text)
    {
        int opening = text.IndexOf(FunctionOpening, StringComparison.Ordinal);
        bool single = opening >= 0 && opening == text.LastIndexOf(FunctionOpening, StringComparison.Ordinal);
        return single && !text.AsSpan(opening).Contains("</function>", StringComparison.Ordinal) ? (Close(text), true) : (text, false);
    }

    private static string Close(string text) => text.EndsWith("</", StringComparison.Ordinal) ? text.TrimEnd() + "function>" : text + "\n</function>";

    /// <summary>The reply's last <c>&lt;function=</c> opens a call (<c>&lt;function=NAME&gt;\n</c>) that nothing closes.</summary>
    private static bool UnclosedLastCall(string text)
    {
        int last = text.LastIndexOf(FunctionOpening, StringComparison.Ordinal);
        return last >= 0 && OpeningPattern().Match(text, last) is { Success: true } opening && opening.Index == last
            && !text.AsSpan(last).Contains("</function>", StringComparison.Ordinal);
    }

    private static string Reasoning(string text)
    {
        int opening = text.IndexOf(FunctionOpening, StringComparison.Ordinal);
        return (opening < 0 ? text : text[..opening]).Trim();
    }

    [GeneratedRegex("<function=([^>]+)>\n(.*?)</function>", RegexOptions.Singleline)]
    private static partial Regex CallPattern();

    [GeneratedRegex("<parameter=([^>]+)>(.*?)</parameter>", RegexOptions.Singleline)]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("<parameter=([^>]+)>", RegexOptions.Singleline)]
    private static partial Regex OpenParameterPattern();

    [GeneratedRegex("<function=([^>]+)>\n", RegexOptions.Singleline)]
    private static partial Regex OpeningPattern();
}
