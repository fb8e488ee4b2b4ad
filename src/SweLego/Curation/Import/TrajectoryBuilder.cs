using System.Text.Json.Nodes;
using SweLego.Agent.Protocol;
using SweLego.Agent.Trajectories;

namespace SweLego.Curation.Import;

/// <summary>
/// Assembles an imported conversation in our text protocol, whatever order the source tells it in: the system prompt, the
/// instruction (several user messages before the first turn are joined), then one assistant message per turn (the
/// reasoning, an empty line and the call rendered as <see cref="TextToolProtocol.Render"/> does; a turn without a call as
/// the model wrote it) each answered by one user message (<c>EXECUTION RESULT of [NAME]:</c> and the observation, or the
/// bare text after a turn without a call). Observations that arrive in pieces are joined; a turn the source left
/// unanswered before the next one gets an empty observation, so user and assistant always alternate. As in our rollouts,
/// a final <c>finish</c> call gets no observation, and a conversation may end on its last assistant turn.
/// </summary>
public sealed class TrajectoryBuilder
{
    /// <summary>The messages and steps of a <see cref="Trajectory"/>, and how many calls were not one of our tools.</summary>
    public sealed record Conversation(IReadOnlyList<TrajectoryMessage> Messages, IReadOnlyList<TrajectoryStep> Steps, int UnmappedCalls);

    private readonly List<TrajectoryMessage> messages = [];
    private readonly List<TrajectoryStep> steps = [];
    private readonly List<string> instruction = [];
    private string system = "";
    private Turn? pending;
    private int unmapped;

    private sealed record Turn(string Text, string? Reasoning, ImportedCall? Call, string? CallError)
    {
        public List<string> Observation { get; } = [];
    }

    public int Turns => steps.Count + (pending is null ? 0 : 1);

    public void System(string text) => system = text;

    /// <summary>A user message: part of the instruction before the first turn, else the observation of the last turn.</summary>
    public void User(string text)
    {
        if (pending is null && steps.Count == 0) instruction.Add(text);
        else Observation(text);
    }

    /// <summary>What answered the last turn (pieces are joined with a newline).</summary>
    public void Observation(string text)
    {
        if (pending is null) throw new ImportException("an observation comes before any assistant turn");
        pending.Observation.Add(text);
    }

    /// <summary>An assistant turn: a call (rendered canonically after the reasoning), or the text as written when there is none.</summary>
    /// <param name="callError">Why the reply's call could not be read (the turn is then one curation masks).</param>
    public void Assistant(string? reasoning, ImportedCall? call, string? text = null, string? callError = null)
    {
        Flush(last: false);
        reasoning = string.IsNullOrWhiteSpace(reasoning) ? null : reasoning.Trim();
        string content = call is null
            ? text ?? reasoning ?? ""
            : reasoning is null ? TextToolProtocol.Render(call.ToAgentCall()) : reasoning + "\n\n" + TextToolProtocol.Render(call.ToAgentCall());
        pending = new Turn(content, call is null ? reasoning ?? text?.Trim() : reasoning, call, callError);
        if (call is { Mapped: false }) unmapped++;
    }

    /// <exception cref="ImportException">No instruction, or no assistant turn.</exception>
    public Conversation Build()
    {
        if (instruction.Count == 0) throw new ImportException("no user instruction before the first assistant turn");
        Flush(last: true);
        if (steps.Count == 0) throw new ImportException("no assistant turn");
        return new Conversation([.. messages], [.. steps], unmapped);
    }

    private void Flush(bool last)
    {
        if (messages.Count == 0)
        {
            if (instruction.Count == 0 && pending is not null) throw new ImportException("an assistant turn comes before the user instruction");
            messages.Add(new TrajectoryMessage("system", system));
            messages.Add(new TrajectoryMessage("user", string.Join("\n\n", instruction)));
        }
        if (pending is not { } turn) return;
        pending = null;
        int request = messages.Count;
        messages.Add(new TrajectoryMessage("assistant", turn.Text));
        string? observation = turn.Observation.Count > 0 || !last ? string.Join("\n", turn.Observation) : null;
        if (last && turn.Call?.Name == "finish") observation = null;
        if (observation is not null)
            messages.Add(new TrajectoryMessage("user", turn.Call is null ? observation : $"EXECUTION RESULT of [{turn.Call.Name}]:\n{observation}"));
        steps.Add(new TrajectoryStep
        {
            Index = steps.Count + 1,
            RequestMessages = request,
            Reply = new StepReply(turn.Text, [], null, null, 0, 1),
            Reasoning = turn.Reasoning,
            Call = turn.Call is null ? null : new StepCall(turn.Call.Name, turn.Call.Arguments),
            CallError = turn.CallError,
            Observation = observation,
        });
    }
}

/// <summary>
/// A call read from another tool: one of our four tools (<see cref="Mapped"/>) with its arguments, or the source's own
/// command kept under its name with its arguments as given.
/// </summary>
public sealed record ImportedCall(string Name, JsonObject Arguments, bool Mapped)
{
    public AgentCall ToAgentCall() => new(Name, Arguments);
}

/// <summary>A record that cannot be converted; the message is the reason the skipped list gives.</summary>
public sealed class ImportException(string message) : Exception(message);
