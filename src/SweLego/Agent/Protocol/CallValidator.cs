using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SweLego.Agent.Tools;

namespace SweLego.Agent.Protocol;

/// <summary>
/// Checks one call against the tools, in the released code's order: the function must exist;
/// then parameter by parameter, the name must be declared, the value convertible to its type
/// (<c>integer</c> → number, <c>array</c> → JSON array, <c>number</c> kept as its text once it
/// reads as a float, <c>string</c> as is) and inside its enum; then every required parameter
/// must be present. Values the released code would reject but whose meaning is unambiguous are
/// repaired and each repair recorded (<see cref="CallRepairKinds"/>). Messages use the released
/// wording where there is one.
/// </summary>
internal static partial class CallValidator
{
    /// <summary>The outcome: <see cref="Call"/> or <see cref="Error"/>; <see cref="Repairs"/> lists what was fixed on the way.</summary>
    public sealed record Result(AgentCall? Call, string? Error, IReadOnlyList<CallRepair> Repairs);

    /// <summary>Checks <paramref name="arguments"/> (in the order the model gave them; later duplicates overwrite earlier ones).</summary>
    public static Result Validate(CallDialect dialect, string name, IReadOnlyList<KeyValuePair<string, JsonNode?>> arguments,
        IReadOnlyList<ToolDefinition> tools, IEnumerable<CallRepair> earlierRepairs)
    {
        var repairs = new List<CallRepair>(earlierRepairs);
        var tool = tools.FirstOrDefault(t => t.Name == name);
        if (tool is null)
        {
            var given = new JsonObject();
            foreach (var (key, value) in arguments) given[key] = value?.DeepClone();
            return new Result(null, dialect.UnknownFunction(name, tools, given), repairs);
        }
        try
        {
            var converted = new JsonObject();
            foreach (var (key, value) in arguments)
            {
                var parameter = Declared(dialect, tool, key, arguments, repairs);
                var node = Convert(dialect, parameter, value, repairs);
                converted[parameter.Name] = CheckEnum(parameter, node, repairs);
            }
            var missing = tool.Parameters.Where(p => p.Required && !converted.ContainsKey(p.Name)).Select(p => p.Name).ToList();
            if (missing.Count > 0) throw new MalformedCallException(dialect.MissingRequired(tool, missing));
            return new Result(new AgentCall(tool.Name, converted), null, repairs);
        }
        catch (MalformedCallException malformed)
        {
            return new Result(null, malformed.Message, repairs);
        }
    }

    private static ToolParameter Declared(CallDialect dialect, ToolDefinition tool, string key,
        IReadOnlyList<KeyValuePair<string, JsonNode?>> arguments, List<CallRepair> repairs)
    {
        if (tool.Parameters.FirstOrDefault(p => p.Name == key) is { } exact) return exact;
        var byCase = tool.Parameters.Where(p => string.Equals(p.Name, key, StringComparison.OrdinalIgnoreCase)).ToList();
        // A name in the wrong case is only read as the declared one when nothing else claims it.
        if (byCase.Count == 1 && arguments.All(a => a.Key != byCase[0].Name))
        {
            repairs.Add(new CallRepair(CallRepairKinds.ParameterCase, $"{key} → {byCase[0].Name}"));
            return byCase[0];
        }
        throw new MalformedCallException(dialect.UnknownParameter(key, tool));
    }

    private static JsonNode Convert(CallDialect dialect, ToolParameter parameter, JsonNode? value, List<CallRepair> repairs) =>
        parameter.Type switch
        {
            "integer" => ToInteger(dialect, parameter.Name, value, repairs)
                ?? throw new MalformedCallException($"Parameter '{parameter.Name}' is expected to be an integer."),
            "array" => ToArray(dialect, parameter, value, repairs),
            "number" => ToNumberText(parameter, value),
            _ => ToText(parameter, value, repairs),
        };

    private static JsonNode CheckEnum(ToolParameter parameter, JsonNode node, List<CallRepair> repairs)
    {
        if (parameter.AllowedValues is not { } allowed) return node;
        string? text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;
        if (text is not null && allowed.Contains(text)) return node;
        var close = text is null ? [] : allowed.Where(a => string.Equals(a, text.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (close.Count == 1)
        {
            repairs.Add(new CallRepair(CallRepairKinds.EnumNormalized, $"{parameter.Name}: {PythonText.Repr(text!)} → {PythonText.Repr(close[0])}"));
            return JsonValue.Create(close[0]);
        }
        throw new MalformedCallException($"Parameter '{parameter.Name}' is expected to be one of {PythonText.ReprList(allowed)}.");
    }

    /// <summary>An integer, or null when the value is not one (nor safely read as one).</summary>
    private static JsonValue? ToInteger(CallDialect dialect, string name, JsonNode? value, List<CallRepair> repairs)
    {
        switch (value?.GetValueKind())
        {
            case JsonValueKind.Number:
                string raw = value.ToJsonString();
                if (value.AsValue().TryGetValue(out long whole) && !raw.Contains('.') && !raw.Contains('e', StringComparison.OrdinalIgnoreCase))
                    return JsonValue.Create(whole);
                return IntegralFloat(raw) is { } fromFloat ? Repaired(fromFloat, CallRepairKinds.IntegerFromFloat, $"{name}: {raw} → {fromFloat}", repairs) : null;
            case JsonValueKind.String:
                string text = value.GetValue<string>();
                if (PythonInt(text) is { } parsed)
                    return dialect.ValuesAreText ? JsonValue.Create(parsed) : Repaired(parsed, CallRepairKinds.IntegerFromString, $"{name}: {PythonText.Repr(text)} → {parsed}", repairs);
                string trimmed = text.Trim();
                if (trimmed.Length >= 2 && trimmed[0] is '"' or '\'' && trimmed[^1] == trimmed[0] && PythonInt(trimmed[1..^1]) is { } quoted)
                    return Repaired(quoted, CallRepairKinds.IntegerFromString, $"{name}: {trimmed} → {quoted}", repairs);
                return IntegralFloat(trimmed) is { } floated ? Repaired(floated, CallRepairKinds.IntegerFromFloat, $"{name}: {PythonText.Repr(text)} → {floated}", repairs) : null;
            default:
                return null;
        }
    }

    private static JsonValue Repaired(long value, string kind, string detail, List<CallRepair> repairs)
    {
        repairs.Add(new CallRepair(kind, detail));
        return JsonValue.Create(value);
    }

    private static JsonArray ToArray(CallDialect dialect, ToolParameter parameter, JsonNode? value, List<CallRepair> repairs)
    {
        var notArray = new MalformedCallException($"Parameter '{parameter.Name}' is expected to be an array.");
        var node = value;
        if (dialect.ValuesAreText)
            node = ParseJson(node!.GetValue<string>()) ?? throw notArray;  // json.loads, as released
        if (node?.GetValueKind() == JsonValueKind.String && ParseJson(node.GetValue<string>()) is JsonArray fromString)
        {
            repairs.Add(new CallRepair(CallRepairKinds.ArrayFromString, $"{parameter.Name}: {PythonText.Repr(node.GetValue<string>())} → {PythonText.JsonDumps(fromString)}"));
            node = fromString;
        }
        if (node?.GetValueKind() == JsonValueKind.String && parameter.Name == "view_range" && ParseJson(node.GetValue<string>()) is JsonValue number)
            node = number;
        if (node?.GetValueKind() == JsonValueKind.Number && parameter.Name == "view_range")
        {
            var start = ToInteger(dialect, parameter.Name, node, repairs) ?? throw notArray;
            var range = new JsonArray(start, JsonValue.Create(-1L));
            repairs.Add(new CallRepair(CallRepairKinds.ViewRangeFromNumber, $"view_range: {node.ToJsonString()} → {PythonText.JsonDumps(range)}"));
            return range;
        }
        if (node is not JsonArray array) throw notArray;
        if (parameter.ItemsType != "integer") return (JsonArray)array.DeepClone();
        var items = new JsonArray();
        foreach (var item in array)
            items.Add(ToInteger(CallDialect.Native, parameter.Name, item, repairs)
                ?? throw new MalformedCallException($"Parameter '{parameter.Name}' is expected to be an array of integers."));
        return items;
    }

    /// <summary>A <c>number</c> stays text (the tool reads the float), once it reads as one the way Python's <c>float()</c> does.</summary>
    private static JsonValue ToNumberText(ToolParameter parameter, JsonNode? value)
    {
        string? text = value?.GetValueKind() switch
        {
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.String => value.GetValue<string>(),
            _ => null,
        };
        if (text is not null && PythonFloat(text)) return JsonValue.Create(text);
        string shown = value?.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : PythonText.Repr(value);
        throw new MalformedCallException($"Invalid float passed to '{parameter.Name}' argument: {shown}");
    }

    private static JsonValue ToText(ToolParameter parameter, JsonNode? value, List<CallRepair> repairs)
    {
        switch (value?.GetValueKind())
        {
            case JsonValueKind.String:
                return JsonValue.Create(value.GetValue<string>());
            case JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number:
                string text = value.ToJsonString();
                repairs.Add(new CallRepair(CallRepairKinds.StringFromScalar, $"{parameter.Name}: {text} → {PythonText.Repr(text)}"));
                return JsonValue.Create(text);
            default:
                throw new MalformedCallException($"Parameter '{parameter.Name}' is expected to be a string.");
        }
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Python's <c>int(text)</c>: surrounding white space, a sign, digits with single underscores between them.</summary>
    private static long? PythonInt(string text)
    {
        string trimmed = text.Trim();
        return IntLiteral().IsMatch(trimmed) && long.TryParse(trimmed.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value : null;
    }

    /// <summary>A float literal with no fractional part (<c>12.0</c>, <c>1e2</c>) as an integer.</summary>
    private static long? IntegralFloat(string text) =>
        PythonFloat(text) && double.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && double.IsFinite(value) && Math.Floor(value) == value && Math.Abs(value) < 9e15
            ? (long)value : null;

    /// <summary>Python's <c>float(text)</c> accepts it: a decimal literal (underscores between digits) or inf/infinity/nan, signed, surrounded by white space.</summary>
    private static bool PythonFloat(string text) => FloatLiteral().IsMatch(text.Trim());

    [GeneratedRegex("^[+-]?[0-9](?:_?[0-9])*$")]
    private static partial Regex IntLiteral();

    [GeneratedRegex(@"^[+-]?(?:(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9](?:_?[0-9])*)?|inf|infinity|nan)$", RegexOptions.IgnoreCase)]
    private static partial Regex FloatLiteral();

    private sealed class MalformedCallException(string message) : Exception(message);
}
