using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Agent.Tools;
using SweLego.Models;

namespace SweLego.Agent.Protocol;

/// <summary>
/// Native function calling (<c>--native-tools</c>), for servers and models that support it: the
/// tools go as JSON-Schema definitions, the reply's first tool call runs after the same checks and
/// repairs as in text mode (errors in the wording of the released function-calling parser), and its
/// result goes back as a <c>tool</c> message answering the call's id.
/// </summary>
public sealed class NativeToolProtocol : IToolCallProtocol
{
    public string Name => "native";

    public IReadOnlyList<string>? Stop => null;

    public string SystemPrompt(string basePrompt, IReadOnlyList<ToolDefinition> tools) => basePrompt;

    public IReadOnlyList<ModelTool>? NativeTools(IReadOnlyList<ToolDefinition> tools) => tools.Select(Schema).ToList();

    /// <summary>
    /// A tool's parameters as the released tools declare them:
    /// <c>{"type":"object","properties":{NAME:{"type","description","enum"?,"items"?}},"required":[...]}</c>.
    /// </summary>
    public static ModelTool Schema(ToolDefinition tool)
    {
        var properties = new JsonObject();
        foreach (var parameter in tool.Parameters)
        {
            var property = new JsonObject { ["type"] = parameter.Type, ["description"] = parameter.Description };
            if (parameter.AllowedValues is { } allowed) property["enum"] = new JsonArray(allowed.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            if (parameter.ItemsType is { } items) property["items"] = new JsonObject { ["type"] = items };
            properties[parameter.Name] = property;
        }
        var required = new JsonArray(tool.Parameters.Where(p => p.Required).Select(p => (JsonNode?)JsonValue.Create(p.Name)).ToArray());
        return new ModelTool(tool.Name, tool.Description, new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required });
    }

    public ParsedTurn Parse(ModelReply reply, IReadOnlyList<ToolDefinition> tools)
    {
        string reasoning = reply.Text.Trim();
        if (reply.ToolCalls.Count == 0) return new ParsedTurn(reply.Text, reasoning, null, null, []);

        var repairs = new List<CallRepair>();
        var first = reply.ToolCalls[0];
        if (reply.ToolCalls.Count > 1)
            repairs.Add(new CallRepair(CallRepairKinds.ExtraCallsDropped,
                $"kept {first.Name}, dropped {string.Join(", ", reply.ToolCalls.Skip(1).Select(c => c.Name))}"));

        var (arguments, doubleEncoded) = ParseArguments(first.ArgumentsJson);
        if (arguments is null)
        {
            // Arguments that are no JSON object cannot be replayed to the server: the call stays out of the history.
            return new ParsedTurn(reply.Text, reasoning, null, $"Failed to parse tool call arguments: {first.ArgumentsJson}", repairs);
        }
        if (doubleEncoded) repairs.Add(new CallRepair(CallRepairKinds.ArgumentsDoubleEncoded, "the arguments were a JSON string holding the object"));
        var result = CallValidator.Validate(CallDialect.Native, first.Name, [.. arguments], tools, repairs);
        var replayed = doubleEncoded ? first with { ArgumentsJson = arguments.ToJsonString() } : first;
        return new ParsedTurn(reply.Text, reasoning, result.Call, result.Error, result.Repairs) { NativeCall = replayed };
    }

    /// <summary>The reply's content with the kept tool call, so the next request shows the model what it called.</summary>
    public ModelMessage AssistantMessage(ParsedTurn turn) =>
        ModelMessage.Assistant(turn.Text) with { ToolCalls = turn.NativeCall is null ? null : [turn.NativeCall] };

    /// <summary>A <c>tool</c> message answering the call's id; a user message when no call was kept.</summary>
    public ModelMessage ObservationMessage(ParsedTurn turn, string observation) =>
        turn.ToolCallId is { } id ? ModelMessage.Tool(id, observation) : ModelMessage.User(observation);

    public ModelMessage ContinueMessage(int noCallRepliesSoFar) => ModelMessage.User(ProtocolPrompts.ContinueMessage(noCallRepliesSoFar));

    /// <summary>The arguments object, or one sent as a JSON string holding it (<c>DoubleEncoded</c>); null otherwise.</summary>
    private static (JsonObject? Arguments, bool DoubleEncoded) ParseArguments(string json)
    {
        var node = Parse(json);
        if (node is JsonObject direct) return (direct, false);
        return node?.GetValueKind() == JsonValueKind.String && Parse(node.GetValue<string>()) is JsonObject inner ? (inner, true) : (null, false);
    }

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
