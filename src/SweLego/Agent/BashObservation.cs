using System.Globalization;
using System.Text;
using SweLego.Sandboxes;

namespace SweLego.Agent;

/// <summary>
/// The texts the agent sees for a shell command, byte for byte as OpenHands 0.53 assembles them
/// (models trained on its trajectories expect them): a prefix when the text continues a
/// command seen before, the output, a note in brackets, then for a finished command the working
/// directory, the Python interpreter (when <c>python</c> is on PATH) and the exit code. The output
/// is cleaned as OpenHands' terminal capture leaves it: trailing whitespace of every line and
/// surrounding blank space removed. Sandbox notes (limits hit) follow the output in brackets.
/// </summary>
public static class BashObservation
{
    /// <summary>Before the output of a command still running, when an earlier observation showed its beginning.</summary>
    public const string ContinuedPrefix = "[Below is the output of the previous command.]\n";

    public const string NoCommandToRead = "ERROR: No previous running command to retrieve logs from.";

    public const string NoCommandToInteract = "ERROR: No previous running command to interact with.";

    private const string WaitHint =
        "You may wait longer to see additional output by sending empty command '', send other commands to interact with the current process, " +
        "send keys to interrupt/kill the command, or use the timeout parameter in execute_bash for future commands.";

    /// <summary>Asks the shell which <c>python</c> it would run (empty when there is none), without changing its state.</summary>
    public static async Task<string?> PythonInterpreterAsync(ISandboxSession session, CancellationToken cancellationToken)
    {
        var result = await session.ExecAsync("type -P python", new ExecOptions { Timeout = TimeSpan.FromSeconds(10) }, cancellationToken);
        string path = result.Output.Trim();
        return result.ExitCode == 0 && path.Length > 0 ? path : null;
    }

    /// <summary>
    /// A command that ended. <paramref name="controlKey"/> is the key (<c>C-c</c>) whose sending
    /// ended it; a shell that is gone has no exit code (-1) and gets only the output and notes.
    /// </summary>
    public static string Finished(ExecResult result, string? pythonInterpreter, string? controlKey = null)
    {
        var text = Body("", result);
        if (result.ExitCode < 0) return text.ToString();
        text.Append("\n[The command completed with exit code ").Append(result.ExitCode).Append('.');
        if (controlKey is not null) text.Append(" CTRL+").Append(char.ToUpperInvariant(controlKey[^1])).Append(" was sent.");
        text.Append(']');
        if (!string.IsNullOrEmpty(result.WorkingDirectory)) text.Append("\n[Current working directory: ").Append(result.WorkingDirectory).Append(']');
        if (!string.IsNullOrEmpty(pythonInterpreter)) text.Append("\n[Python interpreter: ").Append(pythonInterpreter).Append(']');
        text.Append("\n[Command finished with exit code ").Append(result.ExitCode).Append(']');
        return text.ToString();
    }

    /// <summary>A command still running (<see cref="ExecResult.StillRunning"/>), with one of the notes below.</summary>
    public static string StillRunning(ExecResult result, bool continued, string note) =>
        Body(continued ? ContinuedPrefix : "", result).Append("\n[").Append(note).Append(']').ToString();

    /// <summary>The command printed nothing for the no-output timeout (<paramref name="seconds"/> as the configuration gives it).</summary>
    public static string NoOutputNote(double seconds)
    {
        // OpenHands configures it in whole seconds (an int): "30", not "30.0".
        string shown = double.IsInteger(seconds) ? seconds.ToString("0", CultureInfo.InvariantCulture) : PythonText.FloatRepr(seconds);
        return $"The command has no new output after {shown} seconds. {WaitHint}";
    }

    /// <summary>The call's hard timeout passed (the process keeps running).</summary>
    public static string TimedOutNote(double seconds) => $"The command timed out after {PythonText.FloatRepr(seconds)} seconds. {WaitHint}";

    /// <summary>A new command sent while the previous one still runs.</summary>
    public static string NotExecutedNote(string command) =>
        $"Your command \"{command}\" is NOT executed. The previous command is still running - You CANNOT send new commands until the previous command is completed. " +
        "By setting `is_input` to `true`, you can interact with the current process: You may wait longer to see additional output of the previous command by sending empty command '', " +
        "send other commands to interact with the current process, or send keys (\"C-c\", \"C-z\", \"C-d\") to interrupt/kill the previous command before sending your new command.";

    /// <summary>Output as OpenHands' terminal capture leaves it: each line without trailing whitespace, no blank space around.</summary>
    public static string CleanOutput(string output) =>
        PythonText.Strip(string.Join('\n', output.Split('\n').Select(PythonText.StripEnd)));

    private static StringBuilder Body(string prefix, ExecResult result)
    {
        var text = new StringBuilder(prefix).Append(CleanOutput(result.Output));
        foreach (string note in result.Notes) text.Append("\n[").Append(note).Append(']');
        return text;
    }
}
