using System.Text.Json.Nodes;
using SweLego.Agent;
using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;
using SweLego.Models;
using SweLego.Sandboxes;

namespace SweLego.Tests.Curation.Masking;

/// <summary>
/// Builds a trajectory turn by turn for masking tests, with the observations the agent's own code writes:
/// <see cref="BashObservation"/> for commands, the editor's error texts, the error observation and the
/// continue message; <see cref="Raw"/> gives an imported tool's text as is.
/// </summary>
internal sealed class TurnScript
{
    private const string Python = "/opt/swelego-env/bin/python";

    private static readonly ToolDefinition[] Tools = [ExecuteBashTool.Schema, ThinkTool.Schema, FinishTool.Schema, StrReplaceEditorTool.Schema];

    private readonly List<TrajectoryStep> _steps = [];

    /// <summary>A command that finished with <paramref name="exitCode"/> in /testbed.</summary>
    public TurnScript Bash(string command, string output, int exitCode = 0) =>
        Call(ExecuteBashTool.Schema.Name, new JsonObject { ["command"] = command },
            BashObservation.Finished(new ExecResult { ExitCode = exitCode, Output = output, Duration = TimeSpan.FromSeconds(1), WorkingDirectory = "/testbed" }, Python));

    /// <summary>A key sent to the running command (<c>C-c</c>), which then ended with <paramref name="exitCode"/>.</summary>
    public TurnScript Key(string key, string output, int exitCode) =>
        Call(ExecuteBashTool.Schema.Name, new JsonObject { ["command"] = key, ["is_input"] = "true" },
            BashObservation.Finished(new ExecResult { ExitCode = exitCode, Output = output, Duration = TimeSpan.FromSeconds(1), WorkingDirectory = "/testbed" }, Python, key));

    /// <summary>A command still running when the hard timeout (<paramref name="timeoutSeconds"/>) or the no-output timeout (null) passed.</summary>
    public TurnScript BashStillRunning(string command, string output, double? timeoutSeconds)
    {
        var result = new ExecResult { ExitCode = -1, Output = output, Duration = TimeSpan.FromSeconds(10), StillRunning = true, ReturnedOnNoOutput = timeoutSeconds is null };
        string note = timeoutSeconds is { } seconds ? BashObservation.TimedOutNote(seconds) : BashObservation.NoOutputNote(10);
        return Call(ExecuteBashTool.Schema.Name, new JsonObject { ["command"] = command }, BashObservation.StillRunning(result, continued: false, note));
    }

    /// <summary>An execute_bash call with an observation as another tool wrote it (no exit-code line).</summary>
    public TurnScript Raw(string command, string observation) =>
        Call(ExecuteBashTool.Schema.Name, new JsonObject { ["command"] = command }, observation);

    public TurnScript Editor(string command, string path, string observation, JsonObject? more = null)
    {
        var arguments = new JsonObject { ["command"] = command, ["path"] = path };
        foreach (var (key, value) in more ?? []) arguments[key] = value?.DeepClone();
        return Call(StrReplaceEditorTool.Name, arguments, observation);
    }

    /// <summary>The editor's <c>create</c>, as it answers on success.</summary>
    public TurnScript Create(string path, string text) =>
        Editor("create", path, $"File created successfully at: {path}", new JsonObject { ["file_text"] = text });

    /// <summary>An editor failure as the tool shows it (<c>ERROR:\n</c> + aci's message).</summary>
    public TurnScript EditorError(string command, string path, string message) => Editor(command, path, "ERROR:\n" + message);

    /// <summary>A call the tool could not process: the loop's error observation.</summary>
    public TurnScript ToolCallError(string tool, JsonObject arguments, string message) => Call(tool, arguments, ErrorObservation.Format(message));

    public TurnScript Think(string thought) => Call(ThinkTool.Name, new JsonObject { ["thought"] = thought }, ThinkTool.Acknowledgement);

    public TurnScript Finish(string message) => Call(FinishTool.Name, new JsonObject { ["message"] = message }, message);

    /// <summary>A reply the text protocol cannot process, parsed by the real protocol (its error and error observation).</summary>
    public TurnScript Malformed(string reply)
    {
        var turn = new TextToolProtocol().Parse(new ModelReply { Success = true, Text = reply }, Tools);
        if (turn.Error is null) throw new ArgumentException($"the protocol accepts this reply: {reply}", nameof(reply));
        return Add(reply, call: null, turn.Error, ErrorObservation.Format(turn.Error));
    }

    /// <summary>A reply without a call: the loop answers with the continue message.</summary>
    public TurnScript NoCall(string reply) => Add(reply, call: null, callError: null, ProtocolPrompts.ContinueMessage(_steps.Count(s => s.Call is null && s.CallError is null)));

    public Trajectory Build() => new()
    {
        InstanceId = "acme__tally-7", RolloutId = "0", Repo = "acme/tally", Model = "m", Protocol = "text", Tools = [.. Tools.Select(t => t.Name)],
        BaseCommit = "abc", Settings = new TrajectorySettings(100, 0, null, null, null, null), Status = RolloutStatus.Finished,
        StartedAt = DateTimeOffset.UnixEpoch, Messages = [], Steps = [.. _steps],
    };

    private TurnScript Call(string tool, JsonObject arguments, string observation) =>
        Add($"<function={tool}>…</function>", new StepCall(tool, arguments), callError: null, observation);

    private TurnScript Add(string reply, StepCall? call, string? callError, string observation)
    {
        _steps.Add(new TrajectoryStep
        {
            Index = _steps.Count + 1, RequestMessages = 2 * _steps.Count + 2, Reply = new StepReply(reply, [], "stop", null, 0.1, 1),
            Call = call, CallError = callError, Observation = observation,
        });
        return this;
    }
}
