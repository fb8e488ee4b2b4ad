using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Curation.Import;

/// <summary>
/// SWE-agent trajectories (<c>&lt;instance&gt;.traj</c>, one JSON object per file; a run folder holds
/// <c>&lt;instance&gt;/&lt;instance&gt;.traj</c>): <c>history</c> (the messages: system prompt and instance as
/// <c>system</c>/<c>user</c>, demonstrations marked <c>is_demo</c> or <c>message_type: demonstration</c>, left out),
/// <c>trajectory</c> (one step per model turn: <c>thought</c>, <c>action</c>, <c>observation</c>, <c>response</c>) and
/// <c>info</c> (<c>submission</c>, <c>exit_status</c>). A step's call is the model's own tool call when the matching
/// history message keeps one (function calling), else its action line: <c>submit</c> → finish, <c>str_replace_editor
/// CMD PATH --old_str … --new_str …</c> (shell-quoted) → str_replace_editor, SWE-agent's own commands (<c>open</c>,
/// <c>goto</c>, <c>edit</c>, <c>search_dir</c>, …) kept under their name with the rest of the line as <c>args</c>
/// (unmapped), anything else → execute_bash. The instance id is the file name; the model is
/// <c>replay_config.agent.model.name</c>.
/// </summary>
public sealed class SweAgentImporter : ITrajectoryImporter
{
    /// <summary>Commands of SWE-agent's tool bundles (defaults, windowed editing, search, review) that are not bash.</summary>
    private static readonly HashSet<string> OwnCommands =
    [
        "open", "goto", "scroll_up", "scroll_down", "create", "edit", "insert", "search_dir", "search_file", "find_file", "filemap",
        "exit_forfeit", "forfeit", "skip",
    ];

    private static readonly string[] EditorOptions = ["file_text", "old_str", "new_str", "insert_line", "view_range"];

    public string Format => "swe-agent";

    public string Description => "SWE-agent .traj files (a file, or a run folder of <instance>/<instance>.traj): history, trajectory steps, info.submission";

    public async IAsyncEnumerable<ImportItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string file in SourceJson.Files(path, ".traj"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string id = Path.GetFileNameWithoutExtension(file);
            yield return ImportItems.Convert(file, id, () => Convert(SourceJson.ReadObject(file), id));
            await Task.Yield();
        }
    }

    private static SourceTrajectory Convert(JsonObject traj, string id)
    {
        var steps = traj["trajectory"] as JsonArray ?? throw new ImportException("no trajectory list");
        var history = (traj["history"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(m => m["is_demo"]?.GetValue<bool>() != true && SourceJson.Text(m, "message_type") != "demonstration").ToList();
        var builder = new TrajectoryBuilder();
        foreach (var message in history.TakeWhile(m => SourceJson.Text(m, "role") != "assistant"))
        {
            if (SourceJson.Text(message, "role") == "system") builder.System(SourceJson.Content(message));
            else builder.User(SourceJson.Content(message));
        }
        var actions = new Queue<JsonObject>(history.Where(m => SourceJson.Text(m, "role") == "assistant"));
        foreach (var step in steps.OfType<JsonObject>())
        {
            string action = SourceJson.Text(step, "action") ?? "";
            string? thought = SourceJson.Text(step, "thought");
            var toolCall = actions.TryDequeue(out var message) && SourceJson.Text(message, "action") == action
                ? (message["tool_calls"] as JsonArray)?.FirstOrDefault()?["function"] : null;
            if (string.IsNullOrWhiteSpace(action)) builder.Assistant(null, null, text: SourceJson.Text(step, "response") ?? thought ?? "");
            else builder.Assistant(thought, toolCall is null ? FromAction(action.Trim()) : ToolMapping.Native(SourceJson.Text(toolCall, "name") ?? "", toolCall["arguments"]?.ToString() ?? ""));
            builder.Observation(SourceJson.Text(step, "observation") ?? "");
        }

        var conversation = builder.Build();
        var info = traj["info"];
        var (status, detail) = SourceJson.Ending(conversation.Steps[^1].Call?.Name == ToolMapping.Finish, SourceJson.Text(info, "exit_status"));
        return new SourceTrajectory
        {
            InstanceId = id,
            Model = Model(traj["replay_config"]),
            Patch = SourceJson.Text(info, "submission") ?? "",
            Conversation = conversation,
            Status = status,
            StatusDetail = detail,
        };
    }

    /// <summary>An action line as SWE-agent ran it.</summary>
    private static ImportedCall FromAction(string action)
    {
        string command = action.Split((char[])[' ', '\n', '\t'], 2)[0];
        if (command == "submit") return ToolMapping.Submit("");
        if (command == ToolMapping.Editor && Editor(action) is { } editor) return editor;
        if (OwnCommands.Contains(command))
            return new ImportedCall(command, new JsonObject { ["args"] = action[command.Length..].TrimStart(' ') }, false);
        return ToolMapping.Bash(action);
    }

    /// <summary><c>str_replace_editor COMMAND PATH [--NAME VALUE]...</c>, or null when the line does not read that way.</summary>
    private static ImportedCall? Editor(string action)
    {
        if (ShellWords.Split(action) is not { Count: >= 3 } words || (words.Count - 3) % 2 != 0) return null;
        var arguments = new JsonObject { ["command"] = words[1], ["path"] = words[2] };
        for (int i = 3; i < words.Count; i += 2)
        {
            string name = words[i].StartsWith("--", StringComparison.Ordinal) ? words[i][2..] : "";
            if (!EditorOptions.Contains(name)) return null;
            arguments[name] = name switch
            {
                "insert_line" when long.TryParse(words[i + 1], out long line) => line,
                "view_range" => ParseOrText(words[i + 1]),
                _ => words[i + 1],
            };
        }
        return new ImportedCall(ToolMapping.Editor, arguments, true);
    }

    private static JsonNode? ParseOrText(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    /// <summary>The model name in the replay config (a JSON string or object), or null.</summary>
    private static string? Model(JsonNode? replay)
    {
        try
        {
            if (replay?.GetValueKind() == JsonValueKind.String) replay = JsonNode.Parse(replay.GetValue<string>());
        }
        catch (JsonException)
        {
            return null;
        }
        return SourceJson.Text(replay?["agent"]?["model"], "name");
    }
}
