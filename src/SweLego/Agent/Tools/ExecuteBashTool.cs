using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>
/// <c>execute_bash</c> (spec §2): commands in the episode's persistent shell, with OpenHands
/// 0.53's timeouts and texts. A command that reaches a timeout keeps running; the next call
/// collects more of its output (empty command), types into it or sends a key (<c>is_input</c>),
/// and a new command is refused until it ends. Keys: <c>C-c</c> interrupts; <c>C-d</c> and
/// <c>C-z</c> interrupt too, as neither end-of-file nor a job stop can travel through the shell's
/// pipe (a stopped job would hang a shell without job control); other <c>C-x</c> send the control character.
/// Unlike OpenHands, several commands in one call are not refused (its bashlex split is not reproduced).
/// A cancelled call stops the running command and ends the tool's use (the episode is over).
/// </summary>
public sealed class ExecuteBashTool(ISandboxSession session, ExecuteBashOptions options) : IAgentTool
{
    private static readonly ExecOptions LookNow = new() { ReturnAfter = TimeSpan.Zero };

    // The last observation left a command running.
    private bool _running;

    public static ToolDefinition Schema { get; } = new(
        "execute_bash",
        """
        Run a bash command in a terminal whose shell session persists between calls.

        ### Running commands
        * One command per call: only one bash command can run at a time. To run several in sequence, join them with `&&` or `;`.
        * Persistent state: the working directory, environment variables and activated virtual environments carry over from one call to the next.
        * Soft timeout: a command that prints nothing new for 10 seconds hands control back to you; you can then keep waiting for it or interrupt it (see below).

        ### Long-running commands
        * Start commands that never finish on their own (servers and the like) in the background with their output sent to a file, e.g. `python3 app.py > server.log 2>&1 &`.
        * For commands that take a while (installations, test suites) or run for a known time (such as sleep), give the "timeout" parameter a suitable value.
        * Exit code `-1` means the command reached the soft timeout and is still running. With `is_input` set to `true` you can then:
          - send an empty `command` to see more of its output
          - send text as `command` to the standard input of the process
          - send `C-c` (Ctrl+C), `C-d` (Ctrl+D) or `C-z` (Ctrl+Z) to interrupt it
          - after `C-c`, start the command again with a larger "timeout" so that it can finish

        ### Good practice
        * Before creating files or folders, check that the parent folder exists and is the right place.
        * Keep the working directory steady: prefer absolute paths to frequent `cd`.

        ### Output
        * Output beyond a maximum length is truncated before it is returned.
        """,
        [
            new ToolParameter(
                "command", "string",
                "The bash command to run. May be empty to see more output of a command whose exit code was `-1`, or `C-c` (Ctrl+C) to interrupt the " +
                "command that is running. Only one bash command can run at a time; to run several in sequence, join them with `&&` or `;`.",
                Required: true),
            new ToolParameter(
                "is_input", "string",
                "If true, the command is typed into the process that is running; if false, it is a bash command run in the terminal. Defaults to false.",
                Required: false) { AllowedValues = ["true", "false"] },
            new ToolParameter(
                "timeout", "number",
                "Optional. A hard timeout in seconds for this command. Without it, the default soft timeout applies.",
                Required: false),
        ]);

    public ToolDefinition Definition => Schema;

    public async Task<ToolObservation> RunAsync(JsonObject arguments, CancellationToken cancellationToken)
    {
        string command = PythonText.Strip(arguments["command"]?.GetValue<string>() ?? "");
        bool isInput = arguments["is_input"]?.GetValue<string>() == "true";
        double? timeout = ReadTimeout(arguments["timeout"]);
        var wait = timeout is { } seconds
            ? new ExecOptions { ReturnAfter = TimeSpan.FromSeconds(seconds) }
            : new ExecOptions { ReturnAfter = options.DefaultTimeout, ReturnAfterNoOutput = options.NoOutputTimeout };
        double hardSeconds = timeout ?? options.DefaultTimeout.TotalSeconds;

        if (!_running)
        {
            if (command.Length == 0) return new ToolObservation(BashObservation.NoCommandToRead);
            if (isInput) return new ToolObservation(BashObservation.NoCommandToInteract);
            return new ToolObservation(await RunCommandAsync(command, wait, hardSeconds, cancellationToken));
        }

        if (!isInput && command.Length > 0)
        {
            var now = await session.ContinueAsync(LookNow, cancellationToken);
            _running = now.StillRunning;
            if (now.StillRunning) return new ToolObservation(BashObservation.StillRunning(now, continued: true, BashObservation.NotExecutedNote(command)));

            // It ended since the last look: its last output comes first, as in OpenHands' terminal.
            string rest = await RunCommandAsync(command, wait, hardSeconds, cancellationToken, continued: true);
            string earlier = BashObservation.CleanOutput(now.Output);
            return new ToolObservation(earlier.Length == 0 ? rest : $"{earlier}\n{rest}");
        }

        string? key = isInput && IsControlKey(command) ? command : null;
        if (key is not null) await SendKeyAsync(key, cancellationToken);
        else if (command.Length > 0) await Protocol(() => session.SendInputAsync(command + "\n", cancellationToken));
        return new ToolObservation(await ObserveAsync(await session.ContinueAsync(wait, cancellationToken), continued: true, hardSeconds, key, cancellationToken));
    }

    private async Task<string> RunCommandAsync(string command, ExecOptions wait, double hardSeconds, CancellationToken cancellationToken, bool continued = false)
    {
        var result = await Protocol(() => session.ExecAsync(command, wait, cancellationToken));
        return await ObserveAsync(result, continued, hardSeconds, key: null, cancellationToken);
    }

    private async Task<string> ObserveAsync(ExecResult result, bool continued, double hardSeconds, string? key, CancellationToken cancellationToken)
    {
        _running = result.StillRunning;
        if (result.StillRunning)
        {
            string note = result.ReturnedOnNoOutput
                ? BashObservation.NoOutputNote(options.NoOutputTimeout.TotalSeconds)
                : BashObservation.TimedOutNote(hardSeconds);
            return BashObservation.StillRunning(result, continued, note);
        }

        string? python = result.SessionEnded ? null : await BashObservation.PythonInterpreterAsync(session, cancellationToken);
        return BashObservation.Finished(result, python, key);
    }

    // OpenHands' special keys: "C-" and one character.
    private static bool IsControlKey(string command) => command.Length == 3 && command.StartsWith("C-", StringComparison.Ordinal);

    private Task SendKeyAsync(string key, CancellationToken cancellationToken)
    {
        char c = char.ToUpperInvariant(key[2]);
        if (c is 'C' or 'D' or 'Z') return session.InterruptAsync(cancellationToken);
        string typed = c is >= '@' and <= '^' ? ((char)(c & 0x1F)).ToString() : key;
        return Protocol(() => session.SendInputAsync(typed, cancellationToken));
    }

    // Text the shell protocol cannot carry (the reserved 0x1F) is the call's problem, not a crash.
    private static async Task<T> Protocol<T>(Func<Task<T>> call)
    {
        try { return await call(); }
        catch (ArgumentException e) { throw new ToolCallException(e.Message); }
    }

    private static async Task Protocol(Func<Task> call)
    {
        try { await call(); }
        catch (ArgumentException e) { throw new ToolCallException(e.Message); }
    }

    // A string (text protocol) or a number (native calls), read as Python's float() would.
    private static double? ReadTimeout(JsonNode? node)
    {
        if (node is null) return null;
        string raw = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
        if (!double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
            throw new ToolCallException($"Invalid float passed to 'timeout' argument: {raw}");
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
            throw new ToolCallException($"The 'timeout' argument must be a positive number of seconds, not {raw}.");
        return seconds;
    }
}
