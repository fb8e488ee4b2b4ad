using SweLego.Agent.Protocol;
using static SweLego.Tests.Agent.Protocol.ProtocolTools;

namespace SweLego.Tests.Agent.Protocol;

/// <summary>
/// Golden tests: what the model sees. The function blocks are the released converter's output for
/// the same tools, byte for byte; the prose around them is ours and pinned so changes are deliberate.
/// </summary>
public class ProtocolGoldenTests
{
    private const string FunctionBlocks =
        "---- BEGIN FUNCTION #1: execute_bash ----\n" +
        "Description: Run a bash command in a persistent shell.\n" +
        "Parameters:\n" +
        "  (1) command (string, required): The command to run.\n" +
        "  (2) is_input (string, optional): Whether the command is input to the running process.\n" +
        "Allowed values: [`true`, `false`]\n" +
        "  (3) timeout (number, optional): Hard timeout in seconds.\n" +
        "---- END FUNCTION #1 ----\n" +
        "\n" +
        "---- BEGIN FUNCTION #2: think ----\n" +
        "Description: Log a thought.\n" +
        "Parameters:\n" +
        "  (1) thought (string, required): The thought.\n" +
        "---- END FUNCTION #2 ----\n" +
        "\n" +
        "---- BEGIN FUNCTION #3: finish ----\n" +
        "Description: End the task.\n" +
        "\n" +
        "Use it when done.\n" +
        "Parameters:\n" +
        "  (1) message (string, required): Final message.\n" +
        "---- END FUNCTION #3 ----\n" +
        "\n" +
        "---- BEGIN FUNCTION #4: str_replace_editor ----\n" +
        "Description: View, create and edit files.\n" +
        "Parameters:\n" +
        "  (1) command (string, required): The command.\n" +
        "Allowed values: [`view`, `create`, `str_replace`, `insert`, `undo_edit`]\n" +
        "  (2) path (string, required): Absolute path.\n" +
        "  (3) file_text (string, optional): Content of the new file.\n" +
        "  (4) old_str (string, optional): Text to replace.\n" +
        "  (5) new_str (string, optional): Replacement text.\n" +
        "  (6) insert_line (integer, optional): Line after which to insert.\n" +
        "  (7) view_range (array, optional): Lines to show.\n" +
        "---- END FUNCTION #4 ----\n";

    [Fact]
    public void The_system_prompt_suffix_holds_the_released_function_blocks_inside_our_rules()
    {
        string prompt = new TextToolProtocol().SystemPrompt("BASE", All);

        Assert.Equal(
            "BASE\n" +
            "You can use the following functions:\n" +
            "\n" +
            FunctionBlocks +
            "\n" +
            "\n" +
            "To call a function, reply ONLY in the format below and write nothing after it:\n" +
            "\n" +
            "<function=function_name>\n" +
            "<parameter=first_parameter>value one</parameter>\n" +
            "<parameter=second_parameter>\n" +
            "The value of the second parameter\n" +
            "may run over\n" +
            "several lines\n" +
            "</parameter>\n" +
            "</function>\n" +
            "\n" +
            "<IMPORTANT>\n" +
            "Remember:\n" +
            "- A function call MUST use this format: it starts with <function= and ends with </function>\n" +
            "- Give every required parameter\n" +
            "- Call only ONE function per message\n" +
            "- Any reasoning about the call goes BEFORE it, in plain language, never AFTER it\n" +
            "- When no function fits, answer as usual from what you know and do not mention function calls\n" +
            "</IMPORTANT>\n",
            prompt);
    }

    [Fact]
    public void The_native_schemas_are_json_schema_objects_with_enums_and_array_items()
    {
        var tools = new NativeToolProtocol().NativeTools(All)!;

        Assert.Equal(["execute_bash", "think", "finish", "str_replace_editor"], tools.Select(t => t.Name));
        Assert.Equal("End the task.\n\nUse it when done.", tools[2].Description);
        Assert.Equal(
            """{"type":"object","properties":{"command":{"type":"string","description":"The command to run."},"is_input":{"type":"string","description":"Whether the command is input to the running process.","enum":["true","false"]},"timeout":{"type":"number","description":"Hard timeout in seconds."}},"required":["command"]}""",
            tools[0].Parameters.ToJsonString());
        Assert.Equal("""{"type":"object","properties":{"thought":{"type":"string","description":"The thought."}},"required":["thought"]}""",
            tools[1].Parameters.ToJsonString());
        Assert.Equal("""{"type":"object","properties":{"message":{"type":"string","description":"Final message."}},"required":["message"]}""",
            tools[2].Parameters.ToJsonString());
        Assert.Equal(
            """{"type":"object","properties":{"command":{"type":"string","description":"The command.","enum":["view","create","str_replace","insert","undo_edit"]},"path":{"type":"string","description":"Absolute path."},"file_text":{"type":"string","description":"Content of the new file."},"old_str":{"type":"string","description":"Text to replace."},"new_str":{"type":"string","description":"Replacement text."},"insert_line":{"type":"integer","description":"Line after which to insert."},"view_range":{"type":"array","description":"Lines to show.","items":{"type":"integer"}}},"required":["command","path"]}""",
            tools[3].Parameters.ToJsonString());
    }

    [Fact]
    public void The_continue_message_adds_the_give_up_hint_from_the_second_time_on()
    {
        const string first =
            "Keep working on the task with whichever approach you judge most suitable.\n" +
            "Once you believe the task is solved, call the finish tool and give your final answer in its message parameter.\n" +
            "IMPORTANT: YOU MUST NEVER ASK A HUMAN FOR HELP.\n";
        const string giveUp = "Should you decide to give up, you may end the interaction with the \"finish\" tool.\n";

        foreach (IToolCallProtocol protocol in new IToolCallProtocol[] { new TextToolProtocol(), new NativeToolProtocol() })
        {
            Assert.Equal(("user", first), (protocol.ContinueMessage(1).Role, protocol.ContinueMessage(1).Content));
            Assert.Equal(first + giveUp, protocol.ContinueMessage(2).Content);
            Assert.Equal(first + giveUp, protocol.ContinueMessage(5).Content);
        }
    }

    [Fact]
    public void Error_observations_end_with_the_released_suffix()
    {
        Assert.Equal("bad call\n[Error occurred in processing last action]", ErrorObservation.Format("bad call"));
    }
}
