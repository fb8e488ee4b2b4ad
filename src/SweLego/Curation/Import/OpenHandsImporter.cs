using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using SweLego.Agent.Protocol;
using SweLego.Evaluation.Inputs;

namespace SweLego.Curation.Import;

/// <summary>
/// OpenHands evaluation output (<c>output.jsonl</c>, one instance per line: <c>instance_id</c>, <c>instance</c>,
/// <c>instruction</c>, <c>history</c>, <c>test_result.git_patch</c>, <c>metadata.llm_config.model</c>, <c>error</c>).
/// <c>history</c> is a list of events (or, in early versions, of [action, observation] pairs). An agent action becomes a
/// turn: the model's own tool call when <c>tool_call_metadata</c> keeps it, else the action's arguments by kind (<c>run</c>
/// → execute_bash, <c>edit</c> with a <c>command</c> and <c>read</c> → str_replace_editor, <c>think</c>, <c>finish</c>;
/// an agent <c>message</c> is a turn without a call; other kinds keep their name, unmapped). An observation answers the
/// turn before it: <c>run</c> with its exit code appended as OpenHands shows it to the model, <c>error</c> with the error
/// suffix. Labels: <c>report.resolved</c> (added by OpenHands' evaluation) or <c>test_result.report.resolved</c>.
/// </summary>
public sealed class OpenHandsImporter : ITrajectoryImporter
{
    /// <summary>Events that are bookkeeping, not model turns or what the model saw.</summary>
    private static readonly HashSet<string> Ignored = ["recall", "change_agent_state", "null", "condensation", "condensation_request", "agent_state_changed", "user_rejected"];

    public string Format => "openhands";

    public string Description => "OpenHands evaluation output.jsonl (a file, or a folder of them): instance_id, instruction, history events, test_result.git_patch";

    public async IAsyncEnumerable<ImportItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string file in SourceJson.Files(path, "output.jsonl"))
        {
            var (_, items) = JsonInputFile.Open(file, allowDictionary: false, fingerprints: false);
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                string origin = item.Origin.ToString();
                if (item.Error is not null)
                {
                    yield return ImportItem.Skipped(origin, null, item.Error);
                    continue;
                }
                string? id = item.Value?["instance_id"]?.ToString();
                yield return ImportItems.Convert(origin, id, () => Convert(item.Value as JsonObject ?? throw new ImportException("not a JSON object")));
            }
            await Task.Yield();
        }
    }

    private static SourceTrajectory Convert(JsonObject record)
    {
        string id = SourceJson.Text(record, "instance_id") ?? throw new ImportException("no instance_id");
        var history = record["history"] as JsonArray ?? throw new ImportException("no history list");
        var builder = new TrajectoryBuilder();
        string? instruction = SourceJson.Text(record, "instruction");
        if (!string.IsNullOrEmpty(instruction)) builder.User(instruction);
        int index = 0;
        foreach (var entry in history.SelectMany(e => e is JsonArray pair ? pair.AsEnumerable() : [e]))
        {
            index++;
            if (entry is not JsonObject e) throw new ImportException($"history event {index} is not an object");
            if (SourceJson.Text(e, "action") is { } action) Action(builder, e, action, instructionGiven: !string.IsNullOrEmpty(instruction));
            else if (SourceJson.Text(e, "observation") is { } observation) Observation(builder, e, observation);
        }

        var conversation = builder.Build();
        var test = record["test_result"] as JsonObject;
        bool? resolved = record["report"]?["resolved"]?.GetValue<bool>();
        string? labelSource = resolved is null ? null : "openhands report field";
        if (resolved is null && test?["report"]?["resolved"] is { } fromTest)
            (resolved, labelSource) = (fromTest.GetValue<bool>(), "openhands test_result");
        var (status, detail) = SourceJson.Ending(conversation.Steps[^1].Call?.Name == ToolMapping.Finish, record["error"]?.ToString());
        var metadata = record["metadata"];
        return new SourceTrajectory
        {
            InstanceId = id,
            Repo = SourceJson.Text(record["instance"], "repo"),
            Model = SourceJson.Text(metadata?["llm_config"], "model") ?? SourceJson.Text(metadata, "model_name"),
            Patch = SourceJson.Text(test, "git_patch") ?? "",
            Resolved = resolved,
            LabelSource = labelSource,
            Conversation = conversation,
            Status = status,
            StatusDetail = detail,
        };
    }

    private static void Action(TrajectoryBuilder builder, JsonObject e, string action, bool instructionGiven)
    {
        var args = e["args"] as JsonObject ?? [];
        string? source = SourceJson.Text(e, "source");
        switch (action)
        {
            case "system":
                builder.System(SourceJson.Text(args, "content") ?? SourceJson.Text(e, "message") ?? "");
                return;
            case "message" when source == "user":
                // The instruction field repeats the first user message.
                if (!(instructionGiven && builder.Turns == 0)) builder.User(SourceJson.Text(args, "content") ?? SourceJson.Text(e, "message") ?? "");
                return;
            case "message":
                builder.Assistant(null, null, text: SourceJson.Text(args, "content") ?? SourceJson.Text(e, "message") ?? "");
                return;
            case var ignored when Ignored.Contains(ignored):
                return;
        }
        if (source == "user") return;
        string? thought = action == "think" ? null : SourceJson.Text(args, "thought");
        builder.Assistant(thought, RawCall(e) ?? FromArgs(action, args));
    }

    /// <summary>The model's own call, as OpenHands kept it with the action (function calling), or null.</summary>
    private static ImportedCall? RawCall(JsonObject e)
    {
        var metadata = e["tool_call_metadata"];
        if (SourceJson.Text(metadata, "tool_call_id") is not { } callId) return null;
        var calls = metadata?["model_response"]?["choices"]?[0]?["message"]?["tool_calls"] as JsonArray;
        var call = calls?.FirstOrDefault(c => c?["id"]?.ToString() == callId);
        var function = call?["function"];
        return function is null ? null : ToolMapping.Native(SourceJson.Text(function, "name") ?? "", function["arguments"]?.ToString() ?? "");
    }

    private static ImportedCall FromArgs(string action, JsonObject args)
    {
        JsonObject Pick(params string[] names)
        {
            var picked = new JsonObject();
            foreach (string name in names)
            {
                if (args[name] is { } value && !(value.GetValueKind() == System.Text.Json.JsonValueKind.String && value.GetValue<string>().Length == 0 && name != "new_str"))
                    picked[name] = value.DeepClone();
            }
            return picked;
        }

        switch (action)
        {
            case "run":
                return ToolMapping.Bash(SourceJson.Text(args, "command") ?? throw new ImportException("a run action without a command"));
            case "edit" when !string.IsNullOrEmpty(SourceJson.Text(args, "command")):
                return new ImportedCall(ToolMapping.Editor, Pick("command", "path", "file_text", "old_str", "new_str", "insert_line", "view_range"), true);
            case "read":
                var view = Pick("path", "view_range");
                view.Insert(0, "command", "view");
                return new ImportedCall(ToolMapping.Editor, view, true);
            case "think":
                return new ImportedCall(ToolMapping.Think, Pick("thought"), true);
            case "finish":
                string message = SourceJson.Text(args, "final_thought") ?? SourceJson.Text(args["outputs"], "content") ?? SourceJson.Text(args, "thought") ?? "";
                return ToolMapping.Submit(message);
            default:
                var verbatim = (JsonObject)args.DeepClone();
                verbatim.Remove("thought");
                return new ImportedCall(action, verbatim, false);
        }
    }

    private static void Observation(TrajectoryBuilder builder, JsonObject e, string observation)
    {
        if (Ignored.Contains(observation) || builder.Turns == 0) return;
        string content = SourceJson.Text(e, "content") ?? "";
        if (observation == "error") content = ErrorObservation.Format(content);
        var extras = e["extras"];
        if (observation == "run" && (extras?["metadata"]?["exit_code"] ?? extras?["exit_code"]) is { } code
            && !content.Contains("exit code", StringComparison.Ordinal) && code.GetValue<int>() >= 0)
            content += $"\n[Command finished with exit code {code.GetValue<int>()}]";
        builder.Observation(content);
    }
}
