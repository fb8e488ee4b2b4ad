using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Agent.Tools;
using SweLego.Agent.Trajectories;

namespace SweLego.Curation.Masking;

/// <summary>
/// One turn as the rules see it: its kind, tool, simple commands, observation and exit code, and the files
/// the agent created up to and including it.
/// </summary>
internal sealed class TurnView
{
    private const string FinishedLine = "[Command finished with exit code ";
    private const string ReturnCode = "<returncode>";

    private readonly CreatedFiles _created;

    private TurnView(CreatedFiles created) => _created = created;

    public required TurnKind Kind { get; init; }

    /// <summary>The tool called; empty for malformed and no-call turns.</summary>
    public required string Tool { get; init; }

    /// <summary>execute_bash's simple commands; str_replace_editor's "&lt;command&gt; &lt;path&gt;" alone; none otherwise.</summary>
    public required IReadOnlyList<string> Segments { get; init; }

    public required string Observation { get; init; }

    public required string Reply { get; init; }

    /// <summary>The exit code the observation reports; null when it has none.</summary>
    public required int? ExitCode { get; init; }

    /// <summary>
    /// The view of <paramref name="step"/> (turn <paramref name="turn"/>); records the files it creates in
    /// <paramref name="created"/> first, so a command that writes a script and runs it counts.
    /// </summary>
    public static TurnView Create(TrajectoryStep step, int turn, CreatedFiles created)
    {
        string observation = step.Observation ?? "";
        var kind = step.CallError is not null ? TurnKind.Malformed : step.Call is null ? TurnKind.NoCall : TurnKind.Call;
        string tool = kind == TurnKind.Call ? step.Call!.Name : "";
        IReadOnlyList<string> segments = [];
        if (kind == TurnKind.Call && tool == ExecuteBashTool.Schema.Name)
        {
            string command = Argument(step.Call!.Arguments, "command");
            segments = ShellLine.Split(command);
            foreach (string file in ShellLine.WrittenFiles(command)) created.Add(file, turn);
        }
        else if (kind == TurnKind.Call && tool == StrReplaceEditorTool.Name)
        {
            string editorCommand = Argument(step.Call!.Arguments, "command");
            string path = Argument(step.Call.Arguments, "path");
            string command = $"{editorCommand} {path}".Trim();
            segments = command.Length > 0 ? [command] : [];
            if (editorCommand == "create" && path.Length > 0) created.Add(path, turn);
        }

        return new TurnView(created)
        {
            Kind = kind, Tool = tool, Segments = segments,
            Observation = kind == TurnKind.Malformed ? step.CallError! : observation,
            Reply = step.Reply.Text, ExitCode = ReadExitCode(observation),
        };
    }

    /// <summary>"python repro.py (created in turn 4)" when a simple command runs a file created earlier; otherwise null.</summary>
    public string? CreatedScriptRun()
    {
        foreach (string segment in Segments)
        {
            if (ShellLine.ScriptRun(segment) is { } script && _created.Find(script) is { } turn)
                return RulePattern.Evidence($"{segment} (created in turn {turn.ToString(CultureInfo.InvariantCulture)})");
        }

        return null;
    }

    /// <summary>The exit code of OpenHands' closing line (ours too) or mini-swe-agent's <c>&lt;returncode&gt;</c>.</summary>
    public static int? ReadExitCode(string observation)
    {
        int at = observation.LastIndexOf(FinishedLine, StringComparison.Ordinal);
        if (at >= 0) return LeadingInteger(observation.AsSpan(at + FinishedLine.Length), ']');
        var rest = observation.AsSpan().TrimStart();
        return rest.StartsWith(ReturnCode, StringComparison.Ordinal) ? LeadingInteger(rest[ReturnCode.Length..], '<') : null;
    }

    // "-12]" → -12 when the number is followed by the closing character.
    private static int? LeadingInteger(ReadOnlySpan<char> text, char closing)
    {
        int end = text.IndexOf(closing);
        return end > 0 && int.TryParse(text[..end], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int code) ? code : null;
    }

    // A string argument; a number or boolean (an imported call) as its JSON text.
    private static string Argument(JsonObject arguments, string name) => arguments[name] switch
    {
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        null => "",
        var node => node.ToJsonString(),
    };

}

/// <summary>The files an agent created in a trajectory (editor <c>create</c>, shell redirects), with the turn of their creation.</summary>
internal sealed class CreatedFiles
{
    private readonly List<(string Path, int Turn)> _files = [];

    public void Add(string path, int turn) => _files.Add((path, turn));

    /// <summary>The turn that created <paramref name="path"/> first, or null.</summary>
    public int? Find(string path)
    {
        foreach (var (file, turn) in _files)
        {
            if (ShellLine.SamePath(file, path)) return turn;
        }

        return null;
    }
}
