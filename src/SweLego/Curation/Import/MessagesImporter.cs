using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using SweLego.Agent.Protocol;
using SweLego.Agent.Tools;
using SweLego.Evaluation.Inputs;
using SweLego.Models;

namespace SweLego.Curation.Import;

/// <summary>
/// Hugging Face trajectory datasets with a <c>messages</c> column, from JSONL/JSON, Parquet, or a dataset folder (every
/// <c>*.parquet</c>, <c>*.jsonl</c> and <c>*.json</c> under it, in name order): SWE-Lego's released data (a list of
/// <c>{role, content}</c>, calls in our text protocol), SWE-smith's (<c>messages</c> as a JSON string; <c>resolved</c>,
/// <c>model</c>, <c>traj_id</c>), CoderForge's (<c>messages</c> as a JSON string with OpenAI <c>tool_calls</c> and
/// <c>tool</c> messages; <c>trajectory_id</c>, <c>reward</c>). ShareGPT's <c>conversations</c> of <c>{from, value}</c> are
/// read too. Text calls are read with <see cref="TextToolProtocol"/> (a call to another tool is kept under its name,
/// unmapped; a call to ours with bad arguments is a malformed turn); native calls are mapped by
/// <see cref="ToolMapping"/>, several in one reply become consecutive turns, each answered by its <c>tool</c> message.
/// Labels: a <c>resolved</c> or <c>label</c> column, or <c>score</c>/<c>reward</c> ≥ 0.5.
/// </summary>
public sealed class MessagesImporter : ITrajectoryImporter
{
    private const string ResultPrefix = "EXECUTION RESULT of [";

    private static readonly IReadOnlyList<ToolDefinition> Tools = [ExecuteBashTool.Schema, ThinkTool.Schema, FinishTool.Schema, StrReplaceEditorTool.Schema];

    private static readonly TextToolProtocol Protocol = new();

    public string Format => "messages";

    public string Description => "a Hugging Face dataset with a messages column (JSONL, JSON, Parquet or a dataset folder): SWE-Lego, SWE-smith, CoderForge";

    public async IAsyncEnumerable<ImportItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".parquet", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Order(StringComparer.Ordinal).ToList()
            : SourceJson.Files(path, "");
        if (files.Count == 0) throw new InputFileException(path, "the folder holds no *.parquet, *.jsonl or *.json file");
        foreach (string file in files)
        {
            if (InstanceFiles.IsParquet(file))
            {
                await foreach (var (origin, row) in ParquetRows.ReadAsync(file, cancellationToken)) yield return Convert(origin.ToString(), row);
                continue;
            }
            var (_, items) = JsonInputFile.Open(file, allowDictionary: false, fingerprints: false);
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return item.Error is null ? Convert(item.Origin.ToString(), item.Value) : ImportItem.Skipped(item.Origin.ToString(), null, item.Error);
            }
        }
    }

    private static ImportItem Convert(string origin, JsonNode? row)
    {
        string? id = row?["instance_id"]?.ToString() ?? row?["trajectory_id"]?.ToString();
        return ImportItems.Convert(origin, id, () => Convert(row as JsonObject ?? throw new ImportException("not a JSON object")));
    }

    private static SourceTrajectory Convert(JsonObject row)
    {
        string? sourceId = SourceJson.Text(row, "traj_id") ?? SourceJson.Text(row, "trajectory_id");
        string id = SourceJson.Text(row, "instance_id") ?? sourceId ?? throw new ImportException("no instance_id (nor traj_id/trajectory_id)");
        var messages = SourceJson.List(row, "messages") ?? SourceJson.List(row, "conversations") ?? throw new ImportException("no messages column");
        var conversation = Conversation(messages);
        var (resolved, labelSource) = Label(row);
        var (status, detail) = SourceJson.Ending(conversation.Steps[^1].Call?.Name == ToolMapping.Finish, row["finish_reason"]?.ToString() ?? row["exit_status"]?.ToString());
        return new SourceTrajectory
        {
            InstanceId = id,
            SourceId = sourceId == id ? null : sourceId,
            Repo = SourceJson.Text(row, "repo"),
            Model = SourceJson.Text(row, "model") ?? SourceJson.Text(row, "model_name") ?? SourceJson.Text(row, "model_name_or_path"),
            Patch = SourceJson.Text(row, "patch") ?? SourceJson.Text(row, "model_patch") ?? "",
            Resolved = resolved,
            LabelSource = labelSource,
            Conversation = conversation,
            Status = status,
            StatusDetail = detail,
        };
    }

    /// <summary>The dataset's own label: <c>resolved</c> or <c>label</c> (a boolean, 0/1 or "true"/"false"), else <c>score</c>/<c>reward</c> ≥ 0.5.</summary>
    private static (bool? Resolved, string? Source) Label(JsonObject row)
    {
        foreach (string column in (string[])["resolved", "label"])
        {
            if (row[column] is not JsonValue value) continue;
            bool? flag = value.TryGetValue(out bool b) ? b
                : value.TryGetValue(out double d) ? d != 0
                : value.TryGetValue(out string? text) && bool.TryParse(text, out bool parsed) ? parsed : null;
            if (flag is not null) return (flag, $"dataset {column} column");
        }
        foreach (string column in (string[])["score", "reward"])
        {
            if (row[column] is JsonValue value && value.TryGetValue(out double score)) return (score >= 0.5, $"dataset {column} column (>= 0.5)");
        }
        return (null, null);
    }

    private static TrajectoryBuilder.Conversation Conversation(JsonArray messages)
    {
        var builder = new TrajectoryBuilder();
        for (int i = 0; i < messages.Count; i++)
        {
            var message = messages[i] as JsonObject ?? throw new ImportException($"message {i + 1} is not an object");
            string content = message.ContainsKey("value") && !message.ContainsKey("content") ? SourceJson.Text(message, "value") ?? "" : SourceJson.Content(message);
            switch (Role(message))
            {
                case "system":
                    builder.System(content);
                    break;
                case "user":
                    if (builder.Turns == 0) builder.User(content);
                    else builder.Observation(content.StartsWith(ResultPrefix, StringComparison.Ordinal) && content.IndexOf('\n') is int end and > 0 ? content[(end + 1)..] : content);
                    break;
                case "tool":
                    builder.Observation(content);
                    break;
                case "assistant" when message["tool_calls"] is JsonArray { Count: > 0 } calls:
                    i = NativeCalls(builder, messages, i, content, calls);
                    break;
                case "assistant":
                    TextCall(builder, content);
                    break;
                case var role:
                    throw new ImportException($"message {i + 1} has role '{role}'");
            }
        }
        return builder.Build();
    }

    private static string? Role(JsonObject message) => (SourceJson.Text(message, "role") ?? SourceJson.Text(message, "from")) switch
    {
        "human" => "user",
        "gpt" or "function_call" => "assistant",
        "observation" or "function" => "tool",
        var role => role,
    };

    /// <summary>A reply with native calls: one turn per call, answered by the <c>tool</c> messages after it (by id, else in order). Returns the last message used.</summary>
    private static int NativeCalls(TrajectoryBuilder builder, JsonArray messages, int index, string content, JsonArray calls)
    {
        var results = new List<JsonObject>();
        while (index + 1 < messages.Count && messages[index + 1] is JsonObject next && Role(next) == "tool") results.Add((JsonObject)messages[++index]!);
        for (int k = 0; k < calls.Count; k++)
        {
            var function = calls[k]?["function"] ?? throw new ImportException($"tool call {k + 1} has no function");
            string? callId = calls[k]?["id"]?.ToString();
            builder.Assistant(k == 0 ? content : null, ToolMapping.Native(SourceJson.Text(function, "name") ?? "", function["arguments"]?.ToString() ?? ""));
            var result = results.FirstOrDefault(r => callId is not null && r["tool_call_id"]?.ToString() == callId) ?? (k < results.Count ? results[k] : null);
            if (result is not null) builder.Observation(SourceJson.Content(result));
        }
        return index;
    }

    private static void TextCall(TrajectoryBuilder builder, string content)
    {
        var parsed = Protocol.Parse(new ModelReply { Success = true, Text = content }, Tools);
        if (parsed.Call is { } call) builder.Assistant(parsed.Reasoning, new ImportedCall(call.Name, call.Arguments, true));
        else if (TextToolProtocol.ReadCall(content) is { } raw && !Tools.Any(t => t.Name == raw.Name)) builder.Assistant(parsed.Reasoning, ToolMapping.Native(raw.Name, raw.Arguments));
        else builder.Assistant(null, null, text: content, callError: parsed.Error);
    }
}
