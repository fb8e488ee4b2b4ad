using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Curation.Import;

/// <summary>
/// Where another tool's calls land among our four tools (spec §2): the same meaning under another name becomes ours
/// (<c>bash</c>/<c>terminal</c> → <c>execute_bash</c>, <c>submit</c> → <c>finish</c>), our own names stay, and anything
/// else is kept under its own name, unmapped.
/// </summary>
public static class ToolMapping
{
    public const string ExecuteBash = "execute_bash";
    public const string Editor = "str_replace_editor";
    public const string Think = "think";
    public const string Finish = "finish";

    /// <summary>A native call by name and JSON arguments (an object; a JSON string holding one is read too).</summary>
    /// <exception cref="ImportException">The arguments are not a JSON object.</exception>
    public static ImportedCall Native(string name, string argumentsJson)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(argumentsJson) ? new JsonObject() : JsonNode.Parse(argumentsJson);
            if (node?.GetValueKind() == JsonValueKind.String) node = JsonNode.Parse(node.GetValue<string>());
        }
        catch (JsonException e)
        {
            throw new ImportException($"the arguments of call '{name}' are not JSON ({e.Message})");
        }
        return Native(name, node as JsonObject ?? throw new ImportException($"the arguments of call '{name}' are not a JSON object"));
    }

    public static ImportedCall Native(string name, JsonObject arguments) => name switch
    {
        ExecuteBash or Editor or Think or Finish => new ImportedCall(name, arguments, true),
        "bash" or "terminal" or "run" => new ImportedCall(ExecuteBash, arguments, true),
        "submit" => Submit(arguments["message"]?.ToString() ?? ""),
        _ => new ImportedCall(name, arguments, false),
    };

    public static ImportedCall Bash(string command) => new(ExecuteBash, new JsonObject { ["command"] = command }, true);

    public static ImportedCall Submit(string message) => new(Finish, new JsonObject { ["message"] = message }, true);
}
