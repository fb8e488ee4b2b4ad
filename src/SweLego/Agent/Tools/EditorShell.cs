using System.Text;
using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>
/// The editor's work in the episode's shell, as the sandbox user: the folder listing, and files the
/// session's file API cannot reach (bwrap's private <c>/tmp</c>, whose tmpfs the host cannot see;
/// docker's <c>/tmp</c>, invisible to its archive API; anything outside the workspace). File
/// contents travel as base64 (<c>base64 -d &gt; path</c> in, <c>base64</c> out), byte for byte, in
/// command frames of at most <see cref="ChunkBytes"/> bytes of file each, read by the shell itself
/// (a builtin <c>printf</c>, no <c>exec</c>, so no argument-length limit). Scripts run in a subshell
/// with the agent's <c>set -e/-u/-x</c> and <c>pipefail</c> off, so they change none of its state,
/// and their output starts after a random marker line, so an agent's <c>set -x</c> trace cannot mix in.
/// While a command of <c>execute_bash</c> is parked (returned early, still running), the shell takes
/// no other command: the call fails with a <see cref="ToolCallException"/> that tells the model how
/// to free the terminal.
/// </summary>
internal sealed class EditorShell(ISandboxSession session)
{
    /// <summary>File bytes per command frame (a multiple of 3, so every chunk's base64 stands alone): 256 KiB of base64.</summary>
    public const int ChunkBytes = 196_608;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    // Python's errno numbers for the strerror texts a failed redirection prints, as aci's messages spell them ("[Errno 30] ...").
    private static readonly Dictionary<string, int> Errnos = new(StringComparer.Ordinal)
    {
        ["No such file or directory"] = 2,
        ["Permission denied"] = 13,
        ["Not a directory"] = 20,
        ["Is a directory"] = 21,
        ["File too large"] = 27,
        ["No space left on device"] = 28,
        ["Read-only file system"] = 30,
        ["Disk quota exceeded"] = 122,
    };

    /// <summary>
    /// What <paramref name="path"/> is, as Python's <c>exists()</c>/<c>is_dir()</c> see it, with the bytes
    /// of a readable file; of a file over <see cref="EditorFiles.MaxFileBytes"/> only the first bytes the
    /// binary test needs cross over.
    /// </summary>
    public async Task<EditorTarget> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        const int sample = BinaryContent.SampleBytes + 1;
        string script =
            $"p={BashQuoting.Quote(path)}; " +
            "if [[ -d $p ]]; then echo D; elif [[ ! -e $p ]]; then echo M; elif [[ ! -f $p || ! -r $p ]]; then echo U; " +
            $"else s=$(stat -L -c %s -- \"$p\"); echo \"F $s\"; if (( s > {EditorFiles.MaxFileBytes} )); then head -c {sample} -- \"$p\"; else cat -- \"$p\"; fi | base64 -w0; echo; fi";
        string[] lines = Encoding.ASCII.GetString(await RunAsync(script, $"read {path}", cancellationToken)).Split('\n');
        switch (lines[0])
        {
            case "D": return new EditorTarget(EditorTargetKind.Directory);
            case "M": return new EditorTarget(EditorTargetKind.Missing);
            case "U": return new EditorTarget(EditorTargetKind.Unreadable);
        }

        if (lines.Length >= 2 && lines[0].StartsWith("F ", StringComparison.Ordinal) && long.TryParse(lines[0][2..], out long size))
        {
            byte[]? bytes = Decode(lines[1]);
            if (bytes is not null && bytes.Length == (size > EditorFiles.MaxFileBytes ? sample : size)) return new EditorTarget(EditorTargetKind.File, bytes, size);
        }

        throw new ToolCallException($"Reading {path} through the terminal gave an unexpected answer (the file may have changed meanwhile); try again.");
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="path"/> (created or truncated, as Python's <c>open(path, "w")</c>); failures are aci's write errors.</summary>
    public async Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        int offset = 0;
        do
        {
            int length = Math.Min(ChunkBytes, content.Length - offset);
            string data = Convert.ToBase64String(content.Span.Slice(offset, length));
            string script = $"printf %s {BashQuoting.Quote(data)} | base64 -d {(offset == 0 ? ">" : ">>")} {BashQuoting.Quote(path)} && echo OK";
            string answer = Encoding.UTF8.GetString(await RunAsync(script, $"write {path}", cancellationToken)).Trim();
            if (answer.Length == 0) throw new ToolCallException($"Writing {path} through the terminal gave no answer; try again.");
            if (answer != "OK") throw EditorError.Write(path, Reason(answer, path));
            offset += length;
        }
        while (offset < content.Length);
    }

    /// <summary>
    /// Runs <paramref name="script"/> and returns its output (stdout and stderr); <paramref name="purpose"/>
    /// ("list /testbed") names the work in the messages of a busy terminal or a failed run. The script
    /// reports failures in its output; the subshell always ends with status 0 (a failing one would end
    /// the agent's shell under its <c>set -e</c>), and its output lies between two marker lines (the
    /// agent's <c>set -x</c> traces the shell's own loop around it).
    /// </summary>
    public async Task<byte[]> RunAsync(string script, string purpose, CancellationToken cancellationToken)
    {
        // Printed in two halves: the command's own text (in a trace) never holds the marker line.
        string nonce = Guid.NewGuid().ToString("N"), marker = "swelego-editor-" + nonce, printMarker = $"printf '%s%s\\n' swelego-editor- {nonce}";
        var output = new MemoryStream();
        ExecResult result;
        try
        {
            result = await session.ExecAsync($"( set +euxo pipefail; {printMarker}; {script}\n{printMarker}\n)",
                new ExecOptions { Timeout = Timeout, OnOutput = bytes => output.Write(bytes.Span) }, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            throw new ToolCallException(
                $"The editor cannot {purpose} now: that needs the terminal, where a command started with execute_bash is still running. " +
                "Wait for it to end (execute_bash with an empty `command` and `is_input` set to `true`) or stop it (execute_bash with `command` `C-c` and `is_input` set to `true`), then try again.");
        }

        if (result.TimedOut || result.SessionEnded || result.ExitCode != 0)
            throw new ToolCallException($"The editor could not {purpose} in the sandbox (exit code {result.ExitCode}{string.Concat(result.Notes.Select(n => "; " + n))}).");
        byte[] all = output.ToArray(), line = Encoding.ASCII.GetBytes(marker + "\n");
        int start = all.AsSpan().IndexOf(line), end = all.AsSpan().LastIndexOf(line);
        return start >= 0 && end > start ? all[(start + line.Length)..end] : [];
    }

    private static byte[]? Decode(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // "bash: line 1: /usr/x.py: Read-only file system" → Python's "[Errno 30] Read-only file system: '/usr/x.py'".
    private static string Reason(string shellError, string path)
    {
        string cause = shellError[(shellError.LastIndexOf(": ", StringComparison.Ordinal) + 1)..].Trim();
        return Errnos.TryGetValue(cause, out int errno) ? $"[Errno {errno}] {cause}: '{path}'" : $"{cause}: '{path}'";
    }
}
