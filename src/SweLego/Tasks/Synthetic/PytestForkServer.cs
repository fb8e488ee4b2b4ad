using SweLego.Sandboxes;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// A warm pytest process per sandbox session (<c>swelego_fork.py</c>, embedded): it imports pytest
/// once and forks a child per candidate that runs <c>pytest.main</c>, so a candidate pays neither
/// the interpreter's start nor pytest's import. The server runs inside the session (the same
/// sandbox as the plain command, never on the host), started by the first command that needs it
/// and again after it is gone. It is started outside the shell's process tree, so stopping a
/// command (a timeout) stops the client, whose closed connection makes the server kill that child. Its parent never
/// imports the repository's code: it refuses to serve when it did, and the command then runs
/// pytest directly, as it does for a test command that is not a plain pytest invocation.
/// </summary>
internal static class PytestForkServer
{
    public const string Module = "swelego_fork";

    /// <summary>The server's socket, pid file and log: the session's private /tmp.</summary>
    public const string Folder = "/tmp/swelego-fork";

    private static readonly Lazy<byte[]> Script = new(() => EmbeddedResources.ReadBytes($"SweLego.Tasks.Synthetic.{Module}.py"));

    // Anything a shell would interpret: such a command runs as written, without the server.
    private static readonly System.Buffers.SearchValues<char> ShellSyntax = System.Buffers.SearchValues.Create(['\'', '"', '\\', '$', '`', ';', '&', '|', '<', '>', '(', ')', '*', '?', '[', ']', '{', '}', '~', '#', '!']);

    /// <summary>
    /// How <paramref name="testCommand"/> starts pytest: <c>pytest ARGS</c> (mode <c>script</c>,
    /// served by <c>python3</c>) or <c>python[3] -m pytest ARGS</c> (mode <c>module</c>, served by
    /// that interpreter), with arguments free of shell syntax; null for anything else.
    /// </summary>
    public static (string Mode, string Python, IReadOnlyList<string> Args)? Parse(string testCommand)
    {
        ArgumentNullException.ThrowIfNull(testCommand);
        if (testCommand.IndexOfAny(ShellSyntax) >= 0) return null;
        string[] words = testCommand.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words is ["pytest", .. var rest]) return ("script", "python3", rest);
        if (words is [("python" or "python3") and var python, "-m", "pytest", .. var args]) return ("module", python, args);
        return null;
    }

    /// <summary>
    /// The shell lines that run <paramref name="testCommand"/> followed by <paramref name="extraArgs"/>
    /// (plain words) in a child of the session's fork server, starting the server first when it
    /// is not running; the plain command when the test command cannot be served or the server does not start.
    /// </summary>
    public static async Task<string> CommandAsync(
        ISandboxSession session, string testCommand, IReadOnlyList<string> extraArgs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        string plain = string.Join(' ', [testCommand, .. extraArgs]);
        if (Parse(testCommand) is not var (mode, python, args)) return plain;

        string workdir = session.Workdir.TrimEnd('/');
        string script = $"{workdir}/.git/swelego/{Module}.py";
        await session.WriteFileAsync(script, Script.Value, cancellationToken);
        string folder = BashQuoting.Quote(Folder), quotedScript = BashQuoting.Quote(script);
        string words = string.Join(' ', args.Concat(extraArgs).Select(BashQuoting.Quote));
        return $"""
            if ! kill -0 "$(cat {folder}/pid 2>/dev/null)" 2>/dev/null; then
              rm -rf {folder} && mkdir -p {folder}
              ( (cd {BashQuoting.Quote(workdir)} && env -u PYTHONPATH {python} -P {quotedScript} serve {folder} {BashQuoting.Quote(workdir)} </dev/null >{folder}/log 2>&1; echo $? >{folder}/exit) & )
              while [ ! -f {folder}/pid ] && [ ! -f {folder}/exit ]; do sleep 0.02; done
            fi
            if [ -f {folder}/pid ]; then
              {python} -I -S {quotedScript} run {folder} {mode} {words}
            else
              echo "swelego: no fork server ($(tail -n 1 {folder}/log 2>/dev/null)); pytest runs directly" >&2
              {plain}
            fi
            """;
    }
}
