using System.Diagnostics;
using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;
using SweLego.Models;
using SweLego.Sandboxes;

namespace SweLego.Agent;

/// <summary>
/// One episode: ask the model, run the call it made, show it what happened, until it finishes, runs out
/// of turns or context, gets stuck, or the model or sandbox fails. Every step is saved (through
/// <c>save</c>) before the next request, so a crash loses at most the step in flight. Nothing a model
/// sends can end the loop with an exception: a malformed call becomes an error observation.
/// </summary>
public sealed class AgentLoop(IModelClient model, IToolCallProtocol protocol, IReadOnlyList<IAgentTool> tools, AgentOptions options)
{
    private readonly IReadOnlyList<ToolDefinition> definitions = [.. tools.Select(t => t.Definition)];

    /// <param name="start">The trajectory so far: settings, ids, no messages yet.</param>
    /// <param name="instruction">The task's first user message.</param>
    /// <param name="save">Persists the trajectory (after every step and at the end).</param>
    public async Task<Trajectory> RunAsync(Trajectory start, string instruction, Func<Trajectory, Task> save, CancellationToken cancellationToken)
    {
        var messages = new List<ModelMessage>();
        // The same conversation as recorded: kept alongside (not converted per snapshot), so a saved element is never made twice.
        var history = new List<TrajectoryMessage>();
        void Add(ModelMessage message)
        {
            messages.Add(message);
            history.Add(TrajectoryMessage.From(message));
        }

        Add(ModelMessage.System(protocol.SystemPrompt(AgentPrompts.System, definitions)));
        Add(ModelMessage.User(instruction));
        var steps = new List<TrajectoryStep>();
        var stuck = new StuckDetector();
        var budget = new ContextBudget(options);
        int noCall = 0;
        Trajectory Snapshot(RolloutStatus status, string? detail = null) => start with
        {
            Status = status, StatusDetail = detail, Steps = [.. steps], Messages = [.. history],
            EndedAt = status == RolloutStatus.Running ? null : DateTimeOffset.UtcNow,
        };

        while (steps.Count < options.MaxTurns)
        {
            if (budget.Exceeds(messages) is { } estimate)
                return Snapshot(RolloutStatus.ContextExhausted, $"the next request needs about {estimate} tokens; the window is {options.ContextWindow}");
            var reply = await model.CompleteAsync(Request(messages), cancellationToken);
            if (!reply.Success)
                return Snapshot(ContextBudget.IsOverflow(reply) ? RolloutStatus.ContextExhausted : RolloutStatus.ModelError, reply.Error);
            budget.Observe(reply, messages.Count);

            var turn = protocol.Parse(reply, definitions);
            var step = new TrajectoryStep
            {
                Index = steps.Count + 1, RequestMessages = messages.Count, Reasoning = turn.Reasoning, CallError = turn.Error,
                Reply = new StepReply(reply.Text, reply.ToolCalls, reply.FinishReason, reply.Usage, reply.Elapsed.TotalSeconds, reply.Attempts),
                Repairs = [.. turn.Repairs.Select(r => new StepRepair(r.Kind, r.Detail))],
            };
            Add(protocol.AssistantMessage(turn));
            bool finished = false;
            if (turn.Call is { } call)
            {
                var clock = Stopwatch.StartNew();
                ToolObservation observation;
                bool error;
                try
                {
                    (observation, error) = await RunToolAsync(call, cancellationToken);
                }
                catch (SandboxException e)
                {
                    steps.Add(step with { Call = new StepCall(call.Name, call.Arguments), ToolSeconds = clock.Elapsed.TotalSeconds });
                    return Snapshot(RolloutStatus.SandboxError, e.Message);
                }

                finished = observation.Finished;
                // The conversation ends with the assistant's finish call (the SFT format ends on an assistant turn).
                if (!finished) Add(protocol.ObservationMessage(turn, observation.Text));
                stuck.Called(call.Name + ":" + call.Arguments.ToJsonString(), observation.Text, error);
                step = step with { Call = new StepCall(call.Name, call.Arguments), Observation = observation.Text, ToolSeconds = clock.Elapsed.TotalSeconds };
            }
            else if (turn.Error is { } problem)
            {
                string observation = ErrorObservation.Format(problem);
                Add(protocol.ObservationMessage(turn, observation));
                stuck.Called(turn.Text, observation, error: true);
                step = step with { Observation = observation };
            }
            else
            {
                Add(protocol.ContinueMessage(++noCall));
                stuck.Replied(turn.Text);
                step = step with { Observation = messages[^1].Content };
            }

            steps.Add(step);
            await save(Snapshot(RolloutStatus.Running));
            if (finished) return Snapshot(RolloutStatus.Finished);
            if (stuck.Check() is { } loop) return Snapshot(RolloutStatus.Stuck, loop);
        }

        return Snapshot(RolloutStatus.MaxTurns, $"{options.MaxTurns} turns");
    }

    private ModelRequest Request(List<ModelMessage> messages) => new([.. messages])
    {
        Tools = protocol.NativeTools(definitions), Stop = protocol.Stop,
        Temperature = options.Temperature, TopP = options.TopP, MaxTokens = options.MaxTokens, Seed = options.Seed,
    };

    /// <summary>Runs a parsed call; a call the tool cannot process is an error observation. A broken sandbox throws <see cref="SandboxException"/> (ends the episode).</summary>
    private async Task<(ToolObservation Observation, bool Error)> RunToolAsync(AgentCall call, CancellationToken cancellationToken)
    {
        var tool = tools.First(t => t.Definition.Name == call.Name);
        try
        {
            return (await tool.RunAsync(call.Arguments, cancellationToken), false);
        }
        catch (ToolCallException e)
        {
            return (new ToolObservation(ErrorObservation.Format(e.Message)), true);
        }
    }
}
