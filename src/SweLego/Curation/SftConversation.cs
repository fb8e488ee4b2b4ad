using System.Text.Json.Nodes;
using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;

namespace SweLego.Curation;

/// <summary>
/// A trajectory as a training conversation (spec §3): the text protocol whatever protocol the rollout used (native
/// calls re-rendered as <c>&lt;function=…&gt;</c> blocks, <c>tool</c> results as <c>EXECUTION RESULT of [NAME]:</c> user
/// messages, the system prompt with the text protocol's function blocks), system first, then strictly alternating
/// user/assistant ending with an assistant turn: consecutive user messages are merged (joined by an empty line, never
/// skipped) and messages after the last assistant turn dropped. Assistant turn i is the trajectory's step i.
/// </summary>
public static class SftConversation
{
    /// <summary>The conversation with each assistant turn's mask from <paramref name="decisions"/> (one per step, in order).</summary>
    /// <exception cref="CurationException">The trajectory cannot be made into a valid record (named in the message).</exception>
    public static IReadOnlyList<SftMessage> Build(Trajectory trajectory, IReadOnlyList<TurnDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(decisions);
        bool native = trajectory.Protocol == "native";
        var messages = new List<SftMessage>(trajectory.Messages.Count);
        var callNames = new Dictionary<string, string>(StringComparer.Ordinal);
        int assistantTurns = 0;
        for (int i = 0; i < trajectory.Messages.Count; i++)
        {
            var message = trajectory.Messages[i];
            switch (message.Role)
            {
                case SftMessage.System when i == 0:
                    messages.Add(new SftMessage(SftMessage.System, native ? message.Content + ProtocolPrompts.TextProtocolSuffix(Schemas(trajectory)) : message.Content));
                    break;
                case SftMessage.User:
                    AddUser(messages, message.Content);
                    break;
                case "tool":
                    string name = message.ToolCallId is { } id && callNames.TryGetValue(id, out var called) ? called : "unknown";
                    AddUser(messages, $"EXECUTION RESULT of [{name}]:\n{message.Content}");
                    break;
                case SftMessage.Assistant:
                    if (messages.Count == 0 || messages[^1].Role != SftMessage.User)
                        throw new CurationException($"message {i + 1} is an assistant turn that does not follow a user message");
                    if (assistantTurns >= decisions.Count)
                        throw new CurationException($"it has more assistant messages than steps ({trajectory.Steps.Count})");
                    foreach (var call in message.ToolCalls ?? []) callNames[call.Id] = call.Name;
                    string content = native ? NativeAssistantText(message, trajectory.Steps[assistantTurns]) : message.Content;
                    messages.Add(new SftMessage(SftMessage.Assistant, content) { TurnMask = decisions[assistantTurns].Masked });
                    assistantTurns++;
                    break;
                default:
                    throw new CurationException($"message {i + 1} has the role '{message.Role}' (expected system first, then user, assistant or tool)");
            }
        }

        if (assistantTurns != trajectory.Steps.Count)
            throw new CurationException($"it has {assistantTurns} assistant messages but {trajectory.Steps.Count} steps");
        while (messages.Count > 0 && messages[^1].Role != SftMessage.Assistant) messages.RemoveAt(messages.Count - 1);
        if (assistantTurns == 0 || messages.Count == 0) throw new CurationException("it has no assistant turn");
        return messages;
    }

    /// <summary>Assistant turns of a conversation (one per assistant message).</summary>
    public static int AssistantTurns(IReadOnlyList<SftMessage> messages) => messages.Count(m => m.Role == SftMessage.Assistant);

    private static void AddUser(List<SftMessage> messages, string content)
    {
        if (messages.Count > 0 && messages[^1].Role == SftMessage.User)
            messages[^1] = messages[^1] with { Content = messages[^1].Content + "\n\n" + content };
        else messages.Add(new SftMessage(SftMessage.User, content));
    }

    // The call that ran, rendered as the text protocol would have; a malformed call as its raw name and arguments.
    private static string NativeAssistantText(TrajectoryMessage message, TrajectoryStep step)
    {
        string reasoning = step.Reasoning ?? message.Content;
        string? call = step.Call is { } run
            ? TextToolProtocol.Render(new AgentCall(run.Name, (JsonObject)run.Arguments.DeepClone()))
            : message.ToolCalls is [var raw, ..] ? $"<function={raw.Name}>\n{raw.ArgumentsJson}\n</function>" : null;
        if (call is null) return message.Content;
        return reasoning.Length == 0 ? call : reasoning + "\n\n" + call;
    }

    private static List<ToolDefinition> Schemas(Trajectory trajectory)
    {
        var known = AgentTools.Schemas.ToDictionary(s => s.Name, StringComparer.Ordinal);
        return [.. trajectory.Tools.Where(known.ContainsKey).Select(n => known[n])];
    }
}
