using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SweLego.Tests.TestSupport;

/// <summary>
/// A scripted model for <see cref="ModelStub"/>: stateless, so any number of rollouts can run against it in parallel.
/// The reply to a request is step N of the script for its task, N being the assistant messages already in the request;
/// the task is read from the instruction (the workdir in &lt;uploaded_files&gt;, the issue text). Replies are text-protocol
/// calls cut at the stop word, as a server that honours <c>stop: ["&lt;/function"]</c> returns them.
/// </summary>
public static partial class ScriptedAgent
{
    /// <summary>A responder playing <paramref name="script"/>(workdir, instruction); after its last step it calls finish.</summary>
    public static Func<StubRequest, StubReply?> Responder(Func<string, string, IReadOnlyList<string>> script) => request =>
    {
        using var body = JsonDocument.Parse(request.Body);
        var messages = body.RootElement.GetProperty("messages").EnumerateArray().ToList();
        string instruction = messages.First(m => m.GetProperty("role").GetString() == "user").GetProperty("content").GetString()!;
        int step = messages.Count(m => m.GetProperty("role").GetString() == "assistant");
        string workdir = Workdir().Match(instruction).Groups[1].Value;
        var steps = script(workdir, instruction);
        string reply = step < steps.Count ? steps[step] : Call("finish", ("message", "Done."));
        return StubReply.Text(CutAtStop(reply));
    };

    /// <summary>A text-protocol call: reasoning, then the function block (values written inline, as given).</summary>
    public static string Call(string name, params (string Name, string Value)[] parameters)
    {
        var text = new StringBuilder($"Next I call {name}.\n\n<function={name}>\n");
        foreach (var (parameter, value) in parameters) text.Append($"<parameter={parameter}>{value}</parameter>\n");
        return text.Append("</function>").ToString();
    }

    public static string Bash(string command) => Call("execute_bash", ("command", command));

    /// <summary>The gold patch made through the editor: one str_replace per hunk (create for new files), then finish.</summary>
    public static IReadOnlyList<string> GoldReplay(string goldPatch, string workdir)
    {
        var steps = new List<string>();
        string? path = null;
        bool created = false;
        List<string>? oldLines = null, newLines = null;
        void Flush()
        {
            if (path is null || oldLines is null || newLines is null) return;
            steps.Add(created
                ? Call("str_replace_editor", ("command", "create"), ("path", $"{workdir}/{path}"), ("file_text", string.Join("\n", newLines) + "\n"))
                : Call("str_replace_editor", ("command", "str_replace"), ("path", $"{workdir}/{path}"), ("old_str", string.Join("\n", oldLines)), ("new_str", string.Join("\n", newLines))));
            (oldLines, newLines) = (null, null);
        }

        foreach (string line in goldPatch.Split('\n'))
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal)) { Flush(); (path, created) = (null, false); }
            else if (line.StartsWith("--- /dev/null", StringComparison.Ordinal)) created = true;
            else if (line.StartsWith("+++ b/", StringComparison.Ordinal)) path = line[6..];
            else if (line.StartsWith("@@", StringComparison.Ordinal)) { Flush(); (oldLines, newLines) = ([], []); }
            else if (oldLines is not null && newLines is not null && line.Length > 0)
            {
                if (line[0] is ' ' or '-') oldLines.Add(line[1..]);
                if (line[0] is ' ' or '+') newLines.Add(line[1..]);
            }
        }

        Flush();
        steps.Add(Call("finish", ("message", "The issue is fixed.")));
        return steps;
    }

    private static string CutAtStop(string reply) => reply.IndexOf("</function", StringComparison.Ordinal) is var at and >= 0 ? reply[..at] : reply;

    [GeneratedRegex(@"<uploaded_files>\n(.*?)\n</uploaded_files>")]
    private static partial Regex Workdir();
}
