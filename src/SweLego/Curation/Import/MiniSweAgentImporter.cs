using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SweLego.Curation.Import;

/// <summary>
/// mini-swe-agent trajectories (<c>*.traj.json</c>; <c>mini-extra swebench</c> writes
/// <c>&lt;instance&gt;/&lt;instance&gt;.traj.json</c>): <c>messages</c> (system, the instance as the first user message,
/// then each assistant reply answered by one user message) and <c>info</c> (<c>exit_status</c>, <c>submission</c>,
/// <c>config.model.model_name</c>). A reply's action is its one <c>```bash</c> block (as the agent's own parser reads it) →
/// execute_bash; a reply with none or several is a malformed turn (the next user message is the format error). The
/// observation <c>&lt;returncode&gt;N&lt;/returncode&gt;</c> + <c>&lt;output&gt;</c> becomes the output and the exit code as
/// our bash tool reports it; other observations (timeouts, long-output warnings) stay as written. The last command, when it
/// prints <c>COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT</c> (or the older <c>MINI_SWE_AGENT_FINAL_OUTPUT</c>) and the run was
/// submitted, is the finish call. Replies with native tool calls (the tool-calling agent) are read as calls.
/// </summary>
public sealed partial class MiniSweAgentImporter : ITrajectoryImporter
{
    private static readonly string[] SubmitMarkers = ["COMPLETE_TASK_AND_SUBMIT_FINAL_OUTPUT", "MINI_SWE_AGENT_FINAL_OUTPUT"];

    public string Format => "mini-swe-agent";

    public string Description => "mini-swe-agent .traj.json files (a file, or a folder of <instance>/<instance>.traj.json): messages, info.submission";

    public async IAsyncEnumerable<ImportItem> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (string file in SourceJson.Files(path, ".traj.json"))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string id = Path.GetFileName(file)[..^".traj.json".Length];
            yield return ImportItems.Convert(file, id, () => Convert(SourceJson.ReadObject(file), id));
            await Task.Yield();
        }
    }

    private static SourceTrajectory Convert(JsonObject traj, string id)
    {
        var messages = (traj["messages"] as JsonArray ?? throw new ImportException("no messages list")).ToList();
        var info = traj["info"];
        string? exit = SourceJson.Text(info, "exit_status");
        bool submitted = string.Equals(exit, "Submitted", StringComparison.OrdinalIgnoreCase);
        int lastAssistant = messages.FindLastIndex(m => SourceJson.Text(m, "role") == "assistant");
        var builder = new TrajectoryBuilder();
        for (int i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            string content = SourceJson.Content(message);
            switch (SourceJson.Text(message, "role"))
            {
                case "system":
                    builder.System(content);
                    break;
                case "assistant":
                    Assistant(builder, message!, content, finishing: submitted && i == lastAssistant);
                    break;
                case "user" or "tool":
                    if (builder.Turns == 0) builder.User(content);
                    else builder.Observation(Observation(content));
                    break;
                case var role:
                    throw new ImportException($"message {i + 1} has role '{role}'");
            }
        }

        var conversation = builder.Build();
        var (status, detail) = SourceJson.Ending(conversation.Steps[^1].Call?.Name == ToolMapping.Finish, exit);
        return new SourceTrajectory
        {
            InstanceId = id,
            Model = SourceJson.Text(info?["config"]?["model"], "model_name"),
            Patch = SourceJson.Text(info, "submission") ?? "",
            Conversation = conversation,
            Status = status,
            StatusDetail = detail,
        };
    }

    private static void Assistant(TrajectoryBuilder builder, JsonNode message, string content, bool finishing)
    {
        if ((message["tool_calls"] as JsonArray)?.FirstOrDefault()?["function"] is { } function)
        {
            var call = ToolMapping.Native(SourceJson.Text(function, "name") ?? "", function["arguments"]?.ToString() ?? "");
            builder.Assistant(content, finishing && IsSubmission(call.Arguments["command"]?.ToString()) ? ToolMapping.Submit("") : call);
            return;
        }
        var actions = BashBlock().Matches(content);
        if (actions.Count != 1)
        {
            builder.Assistant(null, null, text: content, callError: $"expected exactly one ```bash block, found {actions.Count}");
            return;
        }
        string command = actions[0].Groups[1].Value.Trim();
        string reasoning = content[..actions[0].Index];
        builder.Assistant(reasoning, finishing && IsSubmission(command) ? ToolMapping.Submit("") : ToolMapping.Bash(command));
    }

    private static bool IsSubmission(string? command) =>
        command is not null && SubmitMarkers.Any(marker => command.Contains(marker, StringComparison.Ordinal));

    /// <summary>The default observation template's output and return code, as our bash tool reports them; anything else as written.</summary>
    private static string Observation(string content)
    {
        var match = ReturnCodeAndOutput().Match(content);
        return match.Success ? $"{match.Groups[2].Value}\n[Command finished with exit code {match.Groups[1].Value}]" : content;
    }

    [GeneratedRegex(@"```bash\s*\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"^\s*<returncode>(-?\d+)</returncode>\s*<output>\n?(.*?)\n?</output>\s*$", RegexOptions.Singleline)]
    private static partial Regex ReturnCodeAndOutput();
}
