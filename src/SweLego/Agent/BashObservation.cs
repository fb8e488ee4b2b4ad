using System.Text;
using SweLego.Sandboxes;

namespace SweLego.Agent;

/// <summary>
/// Renders a command result the way the agent sees it (spec §2): the output, then the
/// working directory, the Python interpreter (when <c>python</c> is on PATH, as OpenHands
/// reports it) and the exit code, plus any sandbox notes (timeouts, limits).
/// </summary>
public static class BashObservation
{
    /// <summary>Asks the shell which <c>python</c> it would run (empty when there is none), without changing its state.</summary>
    public static async Task<string?> PythonInterpreterAsync(ISandboxSession session, CancellationToken cancellationToken)
    {
        var result = await session.ExecAsync("type -P python", new ExecOptions { Timeout = TimeSpan.FromSeconds(10) }, cancellationToken);
        string path = result.Output.Trim();
        return result.ExitCode == 0 && path.Length > 0 ? path : null;
    }

    public static string Format(ExecResult result, string? pythonInterpreter)
    {
        var text = new StringBuilder(result.Output.TrimEnd('\n'));
        foreach (string note in result.Notes) text.Append("\n[").Append(note).Append(']');
        if (result.WorkingDirectory is { } cwd) text.Append("\n[Current working directory: ").Append(cwd).Append(']');
        if (pythonInterpreter is not null) text.Append("\n[Python interpreter: ").Append(pythonInterpreter).Append(']');
        // A shell that was killed has no exit code to report (-1).
        if (result.ExitCode >= 0) text.Append("\n[Command finished with exit code ").Append(result.ExitCode).Append(']');
        return text.ToString();
    }
}
