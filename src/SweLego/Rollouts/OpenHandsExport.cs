using System.Text.Json.Nodes;
using SweLego.Agent.Trajectories;

namespace SweLego.Rollouts;

/// <summary>
/// Trajectories as OpenHands evaluation <c>output.jsonl</c> records, so tooling built for OpenHands reads them:
/// <c>instance_id</c>, <c>instruction</c>, <c>history</c> (events: the user's message, then per step the agent's action
/// with its <c>action</c> kind and <c>args</c>, and the observation that answered it, linked by <c>cause</c>),
/// <c>test_result.git_patch</c>, <c>metrics</c> (token counts) and <c>error</c>. Action and observation kinds follow
/// OpenHands' names: <c>run</c> (execute_bash), <c>edit</c>/<c>read</c> (str_replace_editor), <c>think</c>, <c>finish</c>,
/// <c>message</c>, and <c>error</c> for an error observation.
/// </summary>
public static class OpenHandsExport
{
    public static JsonObject Record(Trajectory trajectory)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        string instruction = trajectory.Messages.FirstOrDefault(m => m.Role == "user")?.Content ?? "";
        var history = new JsonArray();
        int id = 0;
        history.Add(new JsonObject
        {
            ["id"] = id++, ["timestamp"] = trajectory.StartedAt.ToString("O"), ["source"] = "user", ["message"] = instruction,
            ["action"] = "message", ["args"] = new JsonObject { ["content"] = instruction },
        });
        foreach (var step in trajectory.Steps)
        {
            int actionId = id++;
            var (kind, args) = Action(step);
            history.Add(new JsonObject
            {
                ["id"] = actionId, ["source"] = "agent", ["message"] = step.Reasoning ?? "", ["action"] = kind, ["args"] = args,
                ["llm_metrics"] = step.Reply.Usage is { } usage
                    ? new JsonObject { ["prompt_tokens"] = usage.PromptTokens, ["completion_tokens"] = usage.CompletionTokens, ["latency"] = step.Reply.LatencySeconds }
                    : null,
            });
            if (step.Observation is null || kind == "finish") continue;
            history.Add(new JsonObject
            {
                ["id"] = id++, ["cause"] = actionId, ["source"] = step.Call is null && step.CallError is null ? "user" : "environment",
                ["observation"] = step.CallError is not null ? "error" : step.Call is null ? "message" : kind, ["content"] = step.Observation,
                ["message"] = step.Observation.Length > 200 ? step.Observation[..200] : step.Observation,
            });
        }

        return new JsonObject
        {
            ["instance_id"] = trajectory.InstanceId,
            ["instruction"] = instruction,
            ["metadata"] = new JsonObject { ["model_name"] = trajectory.Model, ["max_iterations"] = trajectory.Settings.MaxTurns, ["agent_class"] = "CodeActAgent", ["rollout_id"] = trajectory.RolloutId },
            ["history"] = history,
            ["test_result"] = new JsonObject { ["git_patch"] = trajectory.Patch ?? "" },
            ["metrics"] = new JsonObject
            {
                ["accumulated_token_usage"] = new JsonObject { ["prompt_tokens"] = trajectory.PromptTokens, ["completion_tokens"] = trajectory.CompletionTokens },
                ["turns"] = trajectory.Turns,
            },
            ["error"] = trajectory.Status is RolloutStatus.Finished ? null : $"{System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(trajectory.Status.ToString())}{(trajectory.StatusDetail is { } d ? ": " + d : "")}",
        };
    }

    private static (string Kind, JsonObject Args) Action(TrajectoryStep step)
    {
        if (step.Call is not { } call) return ("message", new JsonObject { ["content"] = step.Reply.Text, ["malformed"] = step.CallError is not null });
        var args = (JsonObject)call.Arguments.DeepClone();
        string kind = call.Name switch
        {
            "execute_bash" => "run",
            "think" => "think",
            "finish" => "finish",
            "str_replace_editor" => call.Arguments["command"]?.GetValue<string>() == "view" ? "read" : "edit",
            _ => call.Name,
        };
        return (kind, args);
    }
}
