using SweLego.Agent.Protocol;
using static SweLego.Tests.Agent.Protocol.ProtocolTools;

namespace SweLego.Tests.Agent.Protocol;

/// <summary>
/// The text protocol against the released converter's behaviour: every expected string below is
/// what OpenHands 0.53.0's fn_call_converter produces for the same reply and tools (set-valued
/// messages list names in declaration order, where Python's order depends on the hash seed).
/// </summary>
public class TextToolProtocolTests
{
    private readonly TextToolProtocol protocol = new();

    private ParsedTurn Parse(string text, string finishReason = "stop") => protocol.Parse(Reply(text, finishReason), All);

    [Fact]
    public void Reads_the_call_and_the_reasoning_before_it()
    {
        var turn = Parse("Let me look.\n\n<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/a</parameter>\n<parameter=view_range>[1,5]</parameter>\n</function>");

        Assert.Null(turn.Error);
        Assert.Equal("str_replace_editor", turn.Call!.Name);
        Assert.Equal("""{"command":"view","path":"/a","view_range":[1,5]}""", Json(turn.Call));
        Assert.Equal("Let me look.", turn.Reasoning);
        Assert.Empty(turn.Repairs);
        Assert.Equal("Let me look.\n\n<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/a</parameter>\n<parameter=view_range>[1, 5]</parameter>\n</function>",
            protocol.AssistantMessage(turn).Content);
    }

    [Fact]
    public void Values_are_not_stripped_and_multi_line_values_are_rerendered_as_released()
    {
        var turn = Parse("  Reason  \n<function=execute_bash>\n<parameter=command>\nls -la\n</parameter>\n<parameter=timeout>30</parameter>\n</function>");

        Assert.Equal("Reason", turn.Reasoning);
        Assert.Equal("\nls -la\n", turn.Call!.Arguments["command"]!.GetValue<string>());
        // number stays text; the tool reads the float.
        Assert.Equal("30", turn.Call.Arguments["timeout"]!.GetValue<string>());
        // The released converter wraps any value holding a newline in newlines again.
        Assert.Equal("Reason\n\n<function=execute_bash>\n<parameter=command>\n\nls -la\n\n</parameter>\n<parameter=timeout>30</parameter>\n</function>",
            protocol.AssistantMessage(turn).Content);
    }

    [Fact]
    public void Integers_are_read_as_python_int_reads_them()
    {
        var turn = Parse("<function=str_replace_editor>\n<parameter=command>insert</parameter>\n<parameter=path>/a</parameter>\n<parameter=insert_line> 1_2\n</parameter>\n<parameter=new_str>x</parameter>\n</function>");

        Assert.Equal("""{"command":"insert","path":"/a","insert_line":12,"new_str":"x"}""", Json(turn.Call));
        Assert.Empty(turn.Repairs);
        Assert.Equal("<function=str_replace_editor>\n<parameter=command>insert</parameter>\n<parameter=path>/a</parameter>\n<parameter=insert_line>12</parameter>\n<parameter=new_str>x</parameter>\n</function>",
            protocol.AssistantMessage(turn).Content);
    }

    [Fact]
    public void Only_the_first_call_is_used()
    {
        var turn = Parse("<function=think>\n<parameter=thought>a</parameter>\n</function>\n<function=finish>\n<parameter=message>b</parameter>\n</function>");

        Assert.Equal("think", turn.Call!.Name);
        Assert.Equal("<function=think>\n<parameter=thought>a</parameter>\n</function>", protocol.AssistantMessage(turn).Content);
    }

    [Fact]
    public void Multi_line_strings_are_wrapped_and_non_ascii_is_kept()
    {
        var turn = Parse("<function=str_replace_editor>\n<parameter=command>create</parameter>\n<parameter=path>/ä</parameter>\n<parameter=file_text>a\nb</parameter>\n</function>");

        Assert.Equal("<function=str_replace_editor>\n<parameter=command>create</parameter>\n<parameter=path>/ä</parameter>\n<parameter=file_text>\na\nb\n</parameter>\n</function>",
            protocol.AssistantMessage(turn).Content);
    }

    [Fact]
    public void Canonical_rendering_parses_back_to_the_same_call()
    {
        var first = Parse("Check.\n<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/repo/a.py</parameter>\n<parameter=view_range>[3, -1]</parameter>\n</function>");
        string canonical = protocol.AssistantMessage(first).Content;

        var second = Parse(canonical);

        Assert.Equal(Json(first.Call), Json(second.Call));
        Assert.Equal(first.Reasoning, second.Reasoning);
        Assert.Equal(canonical, protocol.AssistantMessage(second).Content);
    }

    [Fact]
    public void A_reply_cut_at_the_stop_word_is_completed_with_a_newline_and_the_closing_tag()
    {
        var turn = Parse("Run it.\n<function=execute_bash>\n<parameter=command>ls</parameter>\n");

        Assert.Equal("Run it.\n<function=execute_bash>\n<parameter=command>ls</parameter>\n\n</function>", turn.Text);
        Assert.Equal("""{"command":"ls"}""", Json(turn.Call));
        Assert.Empty(turn.Repairs);
        Assert.Equal("Run it.\n\n<function=execute_bash>\n<parameter=command>ls</parameter>\n</function>", protocol.AssistantMessage(turn).Content);
    }

    [Fact]
    public void A_reply_ending_in_the_start_of_the_closing_tag_gets_the_rest_of_it()
    {
        var turn = Parse("<function=execute_bash>\n<parameter=command>ls</parameter>\n</");

        Assert.Equal("<function=execute_bash>\n<parameter=command>ls</parameter>\n</function>", turn.Text);
        Assert.Equal("""{"command":"ls"}""", Json(turn.Call));
    }

    [Fact]
    public void A_complete_call_is_not_completed_again()
    {
        const string reply = "<function=execute_bash>\n<parameter=command>ls</parameter>\n</function>";

        Assert.Equal(reply, Parse(reply).Text);
    }

    [Fact]
    public void A_reply_without_a_call_stays_as_written()
    {
        var turn = Parse("I think the bug is in parse().\n");

        Assert.Null(turn.Call);
        Assert.Null(turn.Error);
        Assert.Equal("I think the bug is in parse().\n", protocol.AssistantMessage(turn).Content);
    }

    [Fact]
    public void A_function_tag_without_the_newline_is_no_call_as_released()
    {
        var turn = Parse("<function=execute_bash><parameter=command>ls</parameter></function>");

        Assert.Null(turn.Call);
        Assert.Null(turn.Error);
    }

    [Theory]
    [InlineData("<function=bash>\n<parameter=command>ls</parameter>\n</function>",
        "Function 'bash' not found in available tools: ['execute_bash', 'think', 'finish', 'str_replace_editor']")]
    [InlineData("<function=execute_bash>\n<parameter=cmd>ls</parameter>\n</function>",
        "Parameter 'cmd' is not allowed for function 'execute_bash'. Allowed parameters: {'command', 'is_input', 'timeout'}")]
    [InlineData("<function=str_replace_editor>\n<parameter=command>view</parameter>\n</function>",
        "Missing required parameters for function 'str_replace_editor': {'path'}")]
    [InlineData("<function=str_replace_editor>\n<parameter=file_text>x</parameter>\n</function>",
        "Missing required parameters for function 'str_replace_editor': {'command', 'path'}")]
    [InlineData("<function=str_replace_editor>\n<parameter=command>open</parameter>\n<parameter=path>/a</parameter>\n</function>",
        "Parameter 'command' is expected to be one of ['view', 'create', 'str_replace', 'insert', 'undo_edit'].")]
    [InlineData("<function=str_replace_editor>\n<parameter=command>insert</parameter>\n<parameter=path>/a</parameter>\n<parameter=insert_line>abc</parameter>\n</function>",
        "Parameter 'insert_line' is expected to be an integer.")]
    [InlineData("<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/a</parameter>\n<parameter=view_range>[1,</parameter>\n</function>",
        "Parameter 'view_range' is expected to be an array.")]
    [InlineData("<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/a</parameter>\n<parameter=view_range>{\"a\": 1}</parameter>\n</function>",
        "Parameter 'view_range' is expected to be an array.")]
    [InlineData("<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/a</parameter>\n<parameter=view_range>[1, \"x\"]</parameter>\n</function>",
        "Parameter 'view_range' is expected to be an array of integers.")]
    [InlineData("<function=execute_bash>\n<parameter=command>sleep 100</parameter>\n<parameter=timeout>soon</parameter>\n</function>",
        "Invalid float passed to 'timeout' argument: soon")]
    [InlineData("<function=execute_bash>\n<parameter=command>ls</parameter>\n<parameter=is_input>maybe</parameter>\n</function>",
        "Parameter 'is_input' is expected to be one of ['true', 'false'].")]
    public void Malformed_calls_give_the_released_messages(string reply, string error)
    {
        var turn = Parse(reply);

        Assert.Null(turn.Call);
        Assert.Equal(error, turn.Error);
        // Kept in the history as written (closed at the stop word), followed by the error observation.
        Assert.Equal(turn.Text, protocol.AssistantMessage(turn).Content);
        var observation = protocol.ObservationMessage(turn, ErrorObservation.Format(turn.Error!));
        Assert.Equal("user", observation.Role);
        Assert.Equal(error + "\n[Error occurred in processing last action]", observation.Content);
    }

    [Fact]
    public void The_first_bad_parameter_decides_the_error_as_released()
    {
        var turn = Parse("<function=str_replace_editor>\n<parameter=command>open</parameter>\n<parameter=paht>/a</parameter>\n</function>");

        Assert.Equal("Parameter 'command' is expected to be one of ['view', 'create', 'str_replace', 'insert', 'undo_edit'].", turn.Error);
    }

    [Fact]
    public void Later_duplicates_overwrite_earlier_values()
    {
        var turn = Parse("<function=execute_bash>\n<parameter=command>ls</parameter>\n<parameter=command>pwd</parameter>\n</function>");

        Assert.Equal("""{"command":"pwd"}""", Json(turn.Call));
    }

    [Theory]
    [InlineData("<parameter=insert_line>12.0</parameter>", CallRepairKinds.IntegerFromFloat, """{"command":"insert","path":"/a","new_str":"x","insert_line":12}""")]
    [InlineData("<parameter=insert_line>\"12\"</parameter>", CallRepairKinds.IntegerFromString, """{"command":"insert","path":"/a","new_str":"x","insert_line":12}""")]
    [InlineData("<parameter=Insert_Line>12</parameter>", CallRepairKinds.ParameterCase, """{"command":"insert","path":"/a","new_str":"x","insert_line":12}""")]
    public void Safe_repairs_of_integers_and_names_are_applied_and_recorded(string parameter, string kind, string arguments)
    {
        var turn = Parse($"<function=str_replace_editor>\n<parameter=command>insert</parameter>\n<parameter=path>/a</parameter>\n<parameter=new_str>x</parameter>\n{parameter}\n</function>");

        Assert.Null(turn.Error);
        Assert.Equal(arguments, Json(turn.Call));
        Assert.Equal(kind, Assert.Single(turn.Repairs).Kind);
    }

    [Theory]
    [InlineData("\"[3, 9]\"", """[3,9]""", CallRepairKinds.ArrayFromString)]
    [InlineData("5", """[5,-1]""", CallRepairKinds.ViewRangeFromNumber)]
    [InlineData("\"5\"", """[5,-1]""", CallRepairKinds.ViewRangeFromNumber)]
    [InlineData("[\"3\", 9]", """[3,9]""", CallRepairKinds.IntegerFromString)]
    [InlineData("[3.0, 9]", """[3,9]""", CallRepairKinds.IntegerFromFloat)]
    public void View_range_repairs(string value, string range, string kind)
    {
        var turn = Parse($"<function=str_replace_editor>\n<parameter=command>view</parameter>\n<parameter=path>/a</parameter>\n<parameter=view_range>{value}</parameter>\n</function>");

        Assert.Null(turn.Error);
        Assert.Equal(range, turn.Call!.Arguments["view_range"]!.ToJsonString());
        Assert.Equal(kind, Assert.Single(turn.Repairs).Kind);
    }

    [Theory]
    [InlineData("\nview\n", "view")]
    [InlineData("View", "view")]
    public void Enum_values_with_white_space_or_another_case_are_normalized(string value, string normalized)
    {
        var turn = Parse($"<function=str_replace_editor>\n<parameter=command>{value}</parameter>\n<parameter=path>/a</parameter>\n</function>");

        Assert.Equal(normalized, turn.Call!.Arguments["command"]!.GetValue<string>());
        Assert.Equal(CallRepairKinds.EnumNormalized, Assert.Single(turn.Repairs).Kind);
    }

    [Fact]
    public void A_wrong_case_name_is_unknown_when_the_declared_name_is_given_too()
    {
        var turn = Parse("<function=execute_bash>\n<parameter=command>ls</parameter>\n<parameter=Command>pwd</parameter>\n</function>");

        Assert.Equal("Parameter 'Command' is not allowed for function 'execute_bash'. Allowed parameters: {'command', 'is_input', 'timeout'}", turn.Error);
    }

    [Fact]
    public void A_missing_closing_parameter_tag_at_the_stop_word_is_closed()
    {
        var turn = Parse("<function=str_replace_editor>\n<parameter=command>create</parameter>\n<parameter=path>/a.py</parameter>\n<parameter=file_text>\nx = 1\n");

        Assert.Null(turn.Error);
        // The value is what the model wrote: the newline before the appended </function> is not part of it.
        Assert.Equal("\nx = 1\n", turn.Call!.Arguments["file_text"]!.GetValue<string>());
        Assert.Equal(CallRepairKinds.ClosingParameterTag, Assert.Single(turn.Repairs).Kind);
    }

    [Fact]
    public void A_missing_closing_parameter_tag_before_the_closing_function_tag_is_closed()
    {
        var turn = Parse("<function=execute_bash>\n<parameter=command>ls -la\n</function>");

        Assert.Equal("ls -la\n", turn.Call!.Arguments["command"]!.GetValue<string>());
        Assert.Equal(CallRepairKinds.ClosingParameterTag, Assert.Single(turn.Repairs).Kind);
    }

    [Fact]
    public void A_value_cut_at_the_token_limit_is_not_run()
    {
        var turn = Parse("<function=str_replace_editor>\n<parameter=command>create</parameter>\n<parameter=path>/a.py</parameter>\n<parameter=file_text>\ndef f(:\n", "length");

        Assert.Null(turn.Call);
        Assert.Equal("The reply was cut off at the output token limit inside parameter 'file_text' of function 'str_replace_editor', so the call was not run.", turn.Error);
    }

    [Fact]
    public void A_missing_closing_function_tag_is_added_when_the_call_ends_the_reply()
    {
        // Two "<function=" (one in the reasoning): the released completion does not apply.
        var turn = Parse("I will use <function=execute_bash> now.\n<function=execute_bash>\n<parameter=command>ls</parameter>\n");

        Assert.Equal("""{"command":"ls"}""", Json(turn.Call));
        Assert.Equal(CallRepairKinds.ClosingFunctionTag, Assert.Single(turn.Repairs).Kind);
        // The reasoning is the text before the first "<function=", as released.
        Assert.Equal("I will use", turn.Reasoning);
    }

    [Fact]
    public void Observations_carry_the_execution_result_header()
    {
        var turn = Parse("<function=think>\n<parameter=thought>hmm</parameter>\n</function>");

        var message = protocol.ObservationMessage(turn, "Your thought has been logged.");

        Assert.Equal("user", message.Role);
        Assert.Equal("EXECUTION RESULT of [think]:\nYour thought has been logged.", message.Content);
        // A failed runtime call of a valid call keeps the header, as the released tool message does.
        Assert.Equal("EXECUTION RESULT of [think]:\nboom\n[Error occurred in processing last action]",
            protocol.ObservationMessage(turn, ErrorObservation.Format("boom")).Content);
    }

    [Fact]
    public void Requests_stop_at_the_closing_function_tag_and_send_no_native_tools()
    {
        Assert.Equal(["</function"], protocol.Stop);
        Assert.Null(protocol.NativeTools(All));
        Assert.Equal("text", protocol.Name);
    }
}
