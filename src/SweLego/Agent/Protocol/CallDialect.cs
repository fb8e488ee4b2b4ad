using System.Text.Json.Nodes;
using SweLego.Agent.Tools;

namespace SweLego.Agent.Protocol;

/// <summary>
/// What differs between the two call modes when a call is checked: the form values arrive in
/// (text mode: every value a string; native: JSON) and the wording of the three errors the
/// released code words differently per mode (unknown function, unknown parameter, missing
/// required parameter: the text converter's messages vs. the function-calling parser's).
/// </summary>
internal abstract class CallDialect
{
    public static readonly CallDialect Text = new TextDialect();

    public static readonly CallDialect Native = new NativeDialect();

    /// <summary>True when strings are the normal form of every value (text mode), so reading an integer from one is no repair.</summary>
    public abstract bool ValuesAreText { get; }

    public abstract string UnknownFunction(string name, IReadOnlyList<ToolDefinition> tools, JsonObject arguments);

    public abstract string UnknownParameter(string parameter, ToolDefinition tool);

    /// <summary><paramref name="missing"/> is never empty, in declaration order.</summary>
    public abstract string MissingRequired(ToolDefinition tool, IReadOnlyList<string> missing);

    private static IEnumerable<string> ParameterNames(ToolDefinition tool) => tool.Parameters.Select(p => p.Name);

    private sealed class TextDialect : CallDialect
    {
        public override bool ValuesAreText => true;

        public override string UnknownFunction(string name, IReadOnlyList<ToolDefinition> tools, JsonObject arguments) =>
            $"Function {PythonText.Repr(name)} not found in available tools: {PythonText.ReprList(tools.Select(t => t.Name))}";

        public override string UnknownParameter(string parameter, ToolDefinition tool) =>
            $"Parameter {PythonText.Repr(parameter)} is not allowed for function {PythonText.Repr(tool.Name)}. " +
            $"Allowed parameters: {PythonText.ReprSet(ParameterNames(tool))}";

        public override string MissingRequired(ToolDefinition tool, IReadOnlyList<string> missing) =>
            $"Missing required parameters for function {PythonText.Repr(tool.Name)}: {PythonText.ReprSet(missing)}";
    }

    private sealed class NativeDialect : CallDialect
    {
        public override bool ValuesAreText => false;

        public override string UnknownFunction(string name, IReadOnlyList<ToolDefinition> tools, JsonObject arguments) =>
            $"Tool {name} is not registered. (arguments: {PythonText.Repr(arguments)}). Please check the tool name and retry with an existing tool.";

        public override string UnknownParameter(string parameter, ToolDefinition tool) =>
            $"Unexpected argument {parameter} in tool call {tool.Name}. Allowed arguments are: {PythonText.ReprSet(ParameterNames(tool))}";

        // The released parser reports the first missing argument it checks.
        public override string MissingRequired(ToolDefinition tool, IReadOnlyList<string> missing) =>
            $"Missing required argument \"{missing[0]}\" in tool call {tool.Name}";
    }
}
