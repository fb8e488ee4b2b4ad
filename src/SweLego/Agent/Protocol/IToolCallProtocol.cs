using SweLego.Agent.Tools;
using SweLego.Models;

namespace SweLego.Agent.Protocol;

/// <summary>
/// How tool calls travel between the agent and the model (spec §2): <see cref="TextToolProtocol"/>
/// (the default; function blocks in the system prompt, calls written as text) or
/// <see cref="NativeToolProtocol"/> (the server's function calling). The loop is the same for both:
/// it asks for the request parts, parses each reply into a <see cref="ParsedTurn"/> and builds the
/// history messages from it.
/// </summary>
public interface IToolCallProtocol
{
    /// <summary><c>text</c> or <c>native</c>, as recorded in trajectories.</summary>
    string Name { get; }

    /// <summary>The system message: text mode appends the tool description suffix; native mode keeps the base.</summary>
    string SystemPrompt(string basePrompt, IReadOnlyList<ToolDefinition> tools);

    /// <summary>The request's native tool definitions; null in text mode.</summary>
    IReadOnlyList<ModelTool>? NativeTools(IReadOnlyList<ToolDefinition> tools);

    /// <summary>The request's stop sequences; text mode stops at <c>&lt;/function</c>.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Named after ModelRequest.Stop, which it fills; nothing implements it in Visual Basic.")]
    IReadOnlyList<string>? Stop { get; }

    /// <summary>Reads one reply: its call (validated, repaired where safe), or the error of a malformed call, or neither.</summary>
    ParsedTurn Parse(ModelReply reply, IReadOnlyList<ToolDefinition> tools);

    /// <summary>The reply as it goes into the history.</summary>
    ModelMessage AssistantMessage(ParsedTurn turn);

    /// <summary>The message carrying a call's observation (or a malformed call's error observation).</summary>
    ModelMessage ObservationMessage(ParsedTurn turn, string observation);

    /// <summary>
    /// The user reply to an assistant message without a call. <paramref name="noCallRepliesSoFar"/>
    /// counts the replies without a call in this episode, this one included (1 the first time).
    /// </summary>
    ModelMessage ContinueMessage(int noCallRepliesSoFar);
}
