namespace SweLego.Agent.Tools;

/// <summary>
/// An editor failure the agent reads as <c>ERROR:\n</c> + <see cref="Exception.Message"/> (aci's
/// <c>ToolError</c>); the message texts are aci's, built by the factory methods.
/// </summary>
internal sealed class EditorError(string message) : Exception(message)
{
    public static EditorError Invalid(string parameter, string value, string hint) =>
        new($"Invalid `{parameter}` parameter: {value}. {hint}");

    public static EditorError Missing(string parameter, string command) =>
        new($"Parameter `{parameter}` is required for command: {command}.");

    public static EditorError Validation(string path, string reason) =>
        new($"File validation failed for {path}: {reason}");

    public static EditorError Read(string path, string reason) => new($"Ran into {reason} while trying to read {path}");

    public static EditorError Write(string path, string reason) => new($"Ran into {reason} while trying to write to {path}");
}
