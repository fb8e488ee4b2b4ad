namespace SweLego.Agent.Tools;

/// <summary>
/// One tool the agent may call: its name, description and parameters, from which both the
/// text protocol's function blocks and the native JSON-Schema definition are rendered.
/// </summary>
public sealed record ToolDefinition(string Name, string Description, IReadOnlyList<ToolParameter> Parameters);

/// <summary>
/// One parameter of a tool. <see cref="Type"/> is the JSON-Schema type as spec §2 gives it:
/// <c>string</c>, <c>integer</c>, <c>number</c> or <c>array</c>; <see cref="ItemsType"/> is the
/// item type of an array; <see cref="AllowedValues"/> is the enum, when there is one.
/// </summary>
public sealed record ToolParameter(string Name, string Type, string Description, bool Required)
{
    public IReadOnlyList<string>? AllowedValues { get; init; }

    public string? ItemsType { get; init; }
}
