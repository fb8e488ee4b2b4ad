using SweLego.Agent.Protocol;
using SweLego.Models;
using static SweLego.Tests.Agent.Protocol.ProtocolTools;

namespace SweLego.Tests.Agent.Protocol;

/// <summary>Native function calling: the released function-calling parser's messages, the shared checks and repairs, tool messages.</summary>
public class NativeToolProtocolTests
{
    private readonly NativeToolProtocol protocol = new();

    private ParsedTurn Parse(string name, string arguments, string text = "") =>
        protocol.Parse(NativeReply(text, new ModelToolCall("call_1", name, arguments)), All);

    [Fact]
    public void Reads_the_call_and_answers_it_with_a_tool_message()
    {
        var turn = Parse("str_replace_editor", """{"command": "view", "path": "/a", "view_range": [1, 5]}""", "Looking.");

        Assert.Null(turn.Error);
        Assert.Equal("""{"command":"view","path":"/a","view_range":[1,5]}""", Json(turn.Call));
        Assert.Equal("Looking.", turn.Reasoning);
        Assert.Equal("call_1", turn.ToolCallId);
        var assistant = protocol.AssistantMessage(turn);
        Assert.Equal(("assistant", "Looking."), (assistant.Role, assistant.Content));
        Assert.Equal("""{"command": "view", "path": "/a", "view_range": [1, 5]}""", Assert.Single(assistant.ToolCalls!).ArgumentsJson);
        var observation = protocol.ObservationMessage(turn, "file text");
        Assert.Equal(("tool", "file text", "call_1"), (observation.Role, observation.Content, observation.ToolCallId));
    }

    [Fact]
    public void Numbers_become_text_for_the_tool()
    {
        var turn = Parse("execute_bash", """{"command": "sleep 5", "timeout": 30.5}""");

        Assert.Equal("""{"command":"sleep 5","timeout":"30.5"}""", Json(turn.Call));
        Assert.Empty(turn.Repairs);
    }

    [Fact]
    public void A_reply_without_tool_calls_has_no_call()
    {
        var turn = protocol.Parse(NativeReply("Done thinking."), All);

        Assert.Null(turn.Call);
        Assert.Null(turn.Error);
        Assert.Null(turn.ToolCallId);
        Assert.Null(protocol.AssistantMessage(turn).ToolCalls);
    }

    [Theory]
    [InlineData("bash", """{"command": "it's"}""", "Tool bash is not registered. (arguments: {'command': \"it's\"}). Please check the tool name and retry with an existing tool.")]
    [InlineData("str_replace_editor", """{"command": "view"}""", "Missing required argument \"path\" in tool call str_replace_editor")]
    [InlineData("execute_bash", """{"cmd": "ls"}""", "Unexpected argument cmd in tool call execute_bash. Allowed arguments are: {'command', 'is_input', 'timeout'}")]
    [InlineData("execute_bash", """{"command": "ls", "timeout": "soon"}""", "Invalid float passed to 'timeout' argument: soon")]
    [InlineData("str_replace_editor", """{"command": "open", "path": "/a"}""", "Parameter 'command' is expected to be one of ['view', 'create', 'str_replace', 'insert', 'undo_edit'].")]
    [InlineData("str_replace_editor", """{"command": "insert", "path": "/a", "insert_line": 2.5}""", "Parameter 'insert_line' is expected to be an integer.")]
    [InlineData("execute_bash", """{"command": ["ls"]}""", "Parameter 'command' is expected to be a string.")]
    public void Malformed_calls_are_answered_with_an_error_observation(string name, string arguments, string error)
    {
        var turn = Parse(name, arguments);

        Assert.Null(turn.Call);
        Assert.Equal(error, turn.Error);
        // The call stays in the history, so its error answers it as a tool message.
        Assert.Single(protocol.AssistantMessage(turn).ToolCalls!);
        var observation = protocol.ObservationMessage(turn, ErrorObservation.Format(error));
        Assert.Equal(("tool", "call_1"), (observation.Role, observation.ToolCallId));
        Assert.EndsWith("\n[Error occurred in processing last action]", observation.Content);
    }

    [Fact]
    public void Invalid_json_is_an_error_and_the_call_stays_out_of_the_history()
    {
        var turn = Parse("execute_bash", """{"command": "ls" """);

        Assert.Equal("""Failed to parse tool call arguments: {"command": "ls" """, turn.Error);
        Assert.Null(turn.ToolCallId);
        Assert.Null(protocol.AssistantMessage(turn).ToolCalls);
        Assert.Equal("user", protocol.ObservationMessage(turn, ErrorObservation.Format(turn.Error!)).Role);
    }

    [Theory]
    [InlineData("""{"command": "insert", "path": "/a", "new_str": "x", "insert_line": "12"}""", CallRepairKinds.IntegerFromString, "insert_line", "12")]
    [InlineData("""{"command": "insert", "path": "/a", "new_str": "x", "insert_line": 12.0}""", CallRepairKinds.IntegerFromFloat, "insert_line", "12")]
    [InlineData("""{"command": "view", "path": "/a", "view_range": "[1, 50]"}""", CallRepairKinds.ArrayFromString, "view_range", "[1,50]")]
    [InlineData("""{"command": "view", "path": "/a", "view_range": 7}""", CallRepairKinds.ViewRangeFromNumber, "view_range", "[7,-1]")]
    [InlineData("""{"command": "view", "Path": "/a"}""", CallRepairKinds.ParameterCase, "path", "\"/a\"")]
    public void Safe_repairs_are_applied_and_recorded(string arguments, string kind, string parameter, string value)
    {
        var turn = Parse("str_replace_editor", arguments);

        Assert.Null(turn.Error);
        Assert.Equal(value, turn.Call!.Arguments[parameter]!.ToJsonString());
        Assert.Equal(kind, Assert.Single(turn.Repairs).Kind);
    }

    [Fact]
    public void Booleans_for_string_enums_become_their_text()
    {
        var turn = Parse("execute_bash", """{"command": "C-c", "is_input": true}""");

        Assert.Equal("""{"command":"C-c","is_input":"true"}""", Json(turn.Call));
        Assert.Equal(CallRepairKinds.StringFromScalar, Assert.Single(turn.Repairs).Kind);
    }

    [Fact]
    public void Double_encoded_arguments_are_unwrapped_and_replayed_as_the_object()
    {
        var turn = Parse("execute_bash", """ "{\"command\": \"ls\"}" """);

        Assert.Equal("""{"command":"ls"}""", Json(turn.Call));
        Assert.Equal(CallRepairKinds.ArgumentsDoubleEncoded, Assert.Single(turn.Repairs).Kind);
        Assert.Equal("""{"command":"ls"}""", Assert.Single(protocol.AssistantMessage(turn).ToolCalls!).ArgumentsJson);
    }

    [Fact]
    public void Only_the_first_of_several_calls_is_kept()
    {
        var reply = NativeReply("", new ModelToolCall("a", "think", """{"thought": "x"}"""), new ModelToolCall("b", "finish", """{"message": "y"}"""));

        var turn = protocol.Parse(reply, All);

        Assert.Equal("think", turn.Call!.Name);
        Assert.Equal("a", Assert.Single(protocol.AssistantMessage(turn).ToolCalls!).Id);
        Assert.Equal(CallRepairKinds.ExtraCallsDropped, Assert.Single(turn.Repairs).Kind);
    }

    [Fact]
    public void The_system_prompt_is_the_base_and_nothing_stops_the_request()
    {
        Assert.Equal("BASE", protocol.SystemPrompt("BASE", All));
        Assert.Null(protocol.Stop);
        Assert.Equal("native", protocol.Name);
    }
}
