using System.Text.Json.Nodes;
using SweLego.Models;

namespace SweLego.Agent.Protocol;

/// <summary>
/// One model reply as the agent reads it. <see cref="Call"/> is null when the reply has no call
/// (the loop answers with the continue message) or when the call is malformed (<see cref="Error"/>
/// is then the message of its error observation). <see cref="Text"/> is the reply, in text mode
/// after the stop-word completion when it holds a call (a reply without one stays as written);
/// <see cref="Reasoning"/> is the stripped text before the call.
/// </summary>
public sealed record ParsedTurn(string Text, string Reasoning, AgentCall? Call, string? Error, IReadOnlyList<CallRepair> Repairs)
{
    /// <summary>
    /// Native mode: the tool call kept in the history (the first of the reply, with arguments that
    /// parse as a JSON object); null in text mode and when no call can be replayed to the server.
    /// </summary>
    public ModelToolCall? NativeCall { get; init; }

    /// <summary>The native call's id, which its observation answers; null in text mode.</summary>
    public string? ToolCallId => NativeCall?.Id;
}

/// <summary>
/// A call ready to run: a known tool and arguments checked against its definition (integers as
/// JSON numbers, arrays as JSON arrays, everything else, <c>number</c> included, as strings).
/// </summary>
public sealed record AgentCall(string Name, JsonObject Arguments);

/// <summary>A fix applied to a call the released code would have rejected; <see cref="Kind"/> is one of <see cref="CallRepairKinds"/>.</summary>
public sealed record CallRepair(string Kind, string Detail);

/// <summary>The stable ids of <see cref="CallRepair.Kind"/>, as recorded in trajectories.</summary>
public static class CallRepairKinds
{
    /// <summary>An integer written as a string (<c>"12"</c>, native mode, or a quoted value in text mode).</summary>
    public const string IntegerFromString = "integer-from-string";

    /// <summary>An integer written as an integral float (<c>12.0</c>).</summary>
    public const string IntegerFromFloat = "integer-from-float";

    /// <summary>An array written as a string holding JSON (<c>"[1, 5]"</c>).</summary>
    public const string ArrayFromString = "array-from-string";

    /// <summary><c>view_range</c> given as one line number N, read as <c>[N, -1]</c> (from N to the end).</summary>
    public const string ViewRangeFromNumber = "view-range-from-number";

    /// <summary>A string parameter given as a JSON boolean or number (native mode), kept as its JSON text.</summary>
    public const string StringFromScalar = "string-from-scalar";

    /// <summary>An enum value with surrounding white space or in another case, matching exactly one allowed value.</summary>
    public const string EnumNormalized = "enum-normalized";

    /// <summary>A parameter name in the wrong case, matching exactly one declared parameter.</summary>
    public const string ParameterCase = "parameter-case";

    /// <summary>The last parameter of a call at the end of the reply had no <c>&lt;/parameter&gt;</c>.</summary>
    public const string ClosingParameterTag = "closing-tag-parameter";

    /// <summary>A call at the end of a reply with several <c>&lt;function=</c> had no <c>&lt;/function&gt;</c>.</summary>
    public const string ClosingFunctionTag = "closing-tag-function";

    /// <summary>Native arguments sent as a JSON string that holds the JSON object.</summary>
    public const string ArgumentsDoubleEncoded = "arguments-double-encoded";

    /// <summary>A native reply with several tool calls: only the first is kept and run.</summary>
    public const string ExtraCallsDropped = "extra-calls-dropped";
}

/// <summary>The error observation of spec §2: the message and the suffix the released code adds.</summary>
public static class ErrorObservation
{
    public const string Suffix = "\n[Error occurred in processing last action]";

    public static string Format(string message) => message + Suffix;
}
