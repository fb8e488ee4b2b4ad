using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SweLego.Agent.Protocol;
using SweLego.Tests.TestSupport;
using static SweLego.Tests.Agent.Protocol.ProtocolTools;

namespace SweLego.Tests.Agent.Protocol;

/// <summary>
/// Golden tests: what a rollout shows the model, from the real tool definitions. The whole system
/// prompt after a base prompt (text protocol) and the native tool list as sent are pinned in
/// Golden/ (<see cref="GoldenFile"/>); the function blocks' lines are checked against spec §2's
/// format on their own, so a regenerated golden file cannot drift from it unnoticed.
/// </summary>
public class ProtocolGoldenTests
{
    [Fact]
    public void The_system_prompt_suffix_of_the_real_tools_is_pinned()
    {
        GoldenFile.AssertMatches("text-protocol-system-prompt.txt", new TextToolProtocol().SystemPrompt("BASE", All));
    }

    [Fact]
    public void The_function_blocks_follow_the_released_format_of_spec_2()
    {
        string prompt = new TextToolProtocol().SystemPrompt("BASE", All);

        Assert.StartsWith("BASE\nYou can use the following functions:\n\n---- BEGIN FUNCTION #1: execute_bash ----\nDescription: Run a bash command", prompt, StringComparison.Ordinal);
        // The structural lines, in order: block borders, the Parameters: line and one line per parameter (name, type, required|optional).
        string[] structure = [.. prompt.Split('\n').Where(line => Regex.IsMatch(line, @"^(---- (BEGIN|END) FUNCTION #|Parameters:$|  \(\d+\) \w+ \((string|integer|number|array), (required|optional)\): |Allowed values: )"))
            .Select(line => line.StartsWith("  (", StringComparison.Ordinal) ? line[..(line.IndexOf("): ", StringComparison.Ordinal) + 3)] : line)];
        Assert.Equal(
        [
            "---- BEGIN FUNCTION #1: execute_bash ----", "Parameters:",
            "  (1) command (string, required): ", "  (2) is_input (string, optional): ", "Allowed values: [`true`, `false`]", "  (3) timeout (number, optional): ",
            "---- END FUNCTION #1 ----",
            "---- BEGIN FUNCTION #2: think ----", "Parameters:", "  (1) thought (string, required): ", "---- END FUNCTION #2 ----",
            "---- BEGIN FUNCTION #3: finish ----", "Parameters:", "  (1) message (string, required): ", "---- END FUNCTION #3 ----",
            "---- BEGIN FUNCTION #4: str_replace_editor ----", "Parameters:",
            "  (1) command (string, required): ", "Allowed values: [`view`, `create`, `str_replace`, `insert`, `undo_edit`]",
            "  (2) path (string, required): ", "  (3) file_text (string, optional): ", "  (4) old_str (string, optional): ", "  (5) new_str (string, optional): ",
            "  (6) insert_line (integer, optional): ", "  (7) view_range (array, optional): ",
            "---- END FUNCTION #4 ----",
        ],
            structure);
        // Each block: its border, "Description: " + the description as the tool gives it, the parameters, its border; one empty line between blocks.
        foreach (var (tool, index) in All.Select((tool, i) => (tool, i + 1)))
            Assert.Contains($"---- BEGIN FUNCTION #{index}: {tool.Name} ----\nDescription: {tool.Description}\nParameters:\n", prompt, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(prompt, @"---- END FUNCTION #\d ----\n\n---- BEGIN FUNCTION #"));
        Assert.Contains("---- END FUNCTION #4 ----\n\n\nTo call a function, reply ONLY in the format below", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void The_native_tools_of_the_real_tools_are_pinned()
    {
        var tools = new NativeToolProtocol().NativeTools(All)!;

        Assert.Equal(["execute_bash", "think", "finish", "str_replace_editor"], tools.Select(t => t.Name));
        Assert.Equal(All.Select(t => t.Description), tools.Select(t => t.Description));
        // As the OpenAI client sends them: {"type":"function","function":{name, description, parameters}}.
        var sent = new JsonArray([.. tools.Select(t => (JsonNode)new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = t.Name, ["description"] = t.Description, ["parameters"] = t.Parameters.DeepClone() },
        })]);
        // Unescaped, so the file reads like the texts it pins.
        var readable = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        GoldenFile.AssertMatches("native-tools.json", sent.ToJsonString(readable) + "\n");
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
