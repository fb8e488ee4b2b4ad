using System.Text;
using System.Text.Json.Nodes;
using SweLego.Agent.Tools;
using SweLego.Sandboxes;

namespace SweLego.Tests.Agent.Tools;

/// <summary>
/// The editor where the session's file API cannot go, on a real bwrap session: files in the
/// sandbox's private <c>/tmp</c> and elsewhere outside the workspace (through the shell, byte for
/// byte, with aci's texts), and every command while <c>execute_bash</c> has a command parked.
/// </summary>
public sealed class StrReplaceEditorShellTests(EditorSessionFixture fixture) : IClassFixture<EditorSessionFixture>
{
    private readonly string _tmp = "/tmp/t" + Guid.NewGuid().ToString("N")[..10];
    private readonly StrReplaceEditorTool _editor = new(fixture.Session);

    private ISandboxSession Session => fixture.Session;

    [Fact]
    public async Task PrivateTmp_CreateViewReplaceInsertUndo_AciTextsAndBytes()
    {
        await MakeTmpFolderAsync();
        string path = _tmp + "/reproduce.py";

        Assert.Equal($"File created successfully at: {path}", await Run("create", path, ("file_text", "import sys\nprint(1)\n")));
        Assert.Equal($"Here's the result of running `cat -n` on {path}:\n     1\timport sys\n     2\tprint(1)\n     3\t\n", await Run("view", path));
        Assert.Equal(
            $"The file {path} has been edited. Here's the result of running `cat -n` on a snippet of {path}:\n     1\timport sys\n     2\tprint(2)\n     3\t\n" +
            "Review the changes and make sure they are as expected. Edit the file again if necessary.",
            await Run("str_replace", path, ("old_str", "print(1)"), ("new_str", "print(2)")));
        Assert.StartsWith($"The file {path} has been edited. ", await Run("insert", path, ("insert_line", 2), ("new_str", "print(3)")), StringComparison.Ordinal);
        Assert.Equal("import sys\nprint(2)\nprint(3)\n", Encoding.UTF8.GetString(await ReadInSandboxAsync(path)));

        Assert.Equal($"Last edit to {path} undone successfully. Here's the result of running `cat -n` on {path}:\n     1\timport sys\n     2\tprint(2)\n     3\t\n", await Run("undo_edit", path));
        Assert.Equal("import sys\nprint(2)\n", Encoding.UTF8.GetString(await ReadInSandboxAsync(path)));
        Assert.Equal($"ERROR:\nInvalid `path` parameter: {path}. File already exists at: {path}. Cannot overwrite files using command `create`.", await Run("create", path, ("file_text", "x")));
        Assert.Equal($"Here's the files and directories up to 2 levels deep in {_tmp}, excluding hidden items:\n{_tmp}/\n{path}", await Run("view", _tmp));

        // A link in the workspace that leads into /tmp is followed as in the sandbox.
        string link = $"{Session.Workdir}/link-{_tmp[5..]}.py";
        Assert.Equal(0, (await Session.ExecAsync($"ln -s {path} {link}")).ExitCode);
        Assert.Equal($"Here's the result of running `cat -n` on {link}:\n     1\timport sys\n     2\tprint(2)\n     3\t\n", await Run("view", link));
        Assert.StartsWith($"The file {link} has been edited.", await Run("str_replace", link, ("old_str", "print(2)"), ("new_str", "print(4)")), StringComparison.Ordinal);
        Assert.Equal("import sys\nprint(4)\n", Encoding.UTF8.GetString(await ReadInSandboxAsync(path)));
    }

    [Fact]
    public async Task PrivateTmp_CrLfByteOrderMarkLatin1AndMultiChunkFiles_ByteExact()
    {
        await MakeTmpFolderAsync();
        string crlf = await PutInSandboxAsync("crlf.py", Encoding.UTF8.GetBytes("a = 1\r\nb = 2\r\n"));
        string bom = await PutInSandboxAsync("bom.py", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("é = 1\n")]);
        string latin1 = await PutInSandboxAsync("latin1.py", [(byte)'#', 0xE9, (byte)'\n', (byte)'x', (byte)'\n']);
        // Several command frames' worth, with multi-byte characters across the chunk borders.
        string big = string.Concat(Enumerable.Range(0, 30_000).Select(i => $"ligne {i:D5} é€𝄞\n"));
        string bigPath = _tmp + "/big.txt";
        Assert.True(Encoding.UTF8.GetByteCount(big) > 3 * EditorShell.ChunkBytes);

        await Run("str_replace", crlf, ("old_str", "a = 1\nb"), ("new_str", "a = 3\nb"));
        await Run("str_replace", bom, ("old_str", "1"), ("new_str", "2"));
        await Run("str_replace", latin1, ("old_str", "x"), ("new_str", "y"));
        await Run("create", bigPath, ("file_text", big));
        string edited = await Run("str_replace", bigPath, ("old_str", "ligne 29999"), ("new_str", "last"));

        Assert.Equal(Encoding.UTF8.GetBytes("a = 3\r\nb = 2\r\n"), await ReadInSandboxAsync(crlf));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("é = 2\n")], await ReadInSandboxAsync(bom));
        Assert.Equal([(byte)'#', 0xE9, (byte)'\n', (byte)'y', (byte)'\n'], await ReadInSandboxAsync(latin1));
        Assert.Equal(Encoding.UTF8.GetBytes(big.Replace("ligne 29999", "last", StringComparison.Ordinal)), await ReadInSandboxAsync(bigPath));
        Assert.Contains("30000\tlast é€𝄞\n", edited, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutsideTheWorkspace_AciErrorsAsTheSandboxUserMeetsThem_AgentShellOptionsNoHindrance()
    {
        await MakeTmpFolderAsync();
        await Session.ExecAsync($"cd {_tmp} && printf '\\177ELF\\2\\1\\1\\0\\0\\0' > blob && echo secret > locked && chmod 000 locked && head -c 10485761 /dev/zero | tr '\\0' a > huge; cd -");
        // The editor's failing writes and tests run in the agent's shell, whose options must neither change them nor end it.
        await Session.ExecAsync("set -eux -o pipefail");
        try
        {
            Assert.StartsWith($"Here's the files and directories up to 2 levels deep in {_tmp}, excluding hidden items:\n{_tmp}/\n{_tmp}/blob\n", await Run("view", _tmp), StringComparison.Ordinal);
            Assert.Equal("ERROR:\nRan into [Errno 30] Read-only file system: '/usr/swelego-x.py' while trying to write to /usr/swelego-x.py",
                await Run("create", "/usr/swelego-x.py", ("file_text", "x")));
            Assert.Equal($"ERROR:\nRan into [Errno 2] No such file or directory: '{_tmp}/no/x.py' while trying to write to {_tmp}/no/x.py",
                await Run("create", _tmp + "/no/x.py", ("file_text", "x")));
            Assert.Equal($"ERROR:\nInvalid `path` parameter: {_tmp}/none.py. The path {_tmp}/none.py does not exist. Please provide a valid path.", await Run("view", _tmp + "/none.py"));
            Assert.Equal($"ERROR:\nInvalid `path` parameter: {_tmp}/blob/x. The path {_tmp}/blob/x does not exist. Please provide a valid path.", await Run("view", _tmp + "/blob/x"));
            Assert.Equal($"ERROR:\nInvalid `path` parameter: {_tmp}. The path {_tmp} is a directory and only the `view` command can be used on directories.", await Run("undo_edit", _tmp));
            Assert.Equal($"ERROR:\nRan into [Errno 13] Permission denied: '{_tmp}/locked' while trying to read {_tmp}/locked", await Run("view", _tmp + "/locked"));
            Assert.Equal($"ERROR:\nFile validation failed for {_tmp}/huge: File is too large (10.0MB). Maximum allowed size is 10MB.", await Run("view", _tmp + "/huge"));
            Assert.Equal("ERROR_BINARY_FILE", (await Assert.ThrowsAsync<ToolCallException>(() => Run("view", _tmp + "/blob"))).Message);
            Assert.Equal($"ERROR:\nFile validation failed for {_tmp}/blob: File appears to be binary and this file type cannot be read or edited by this tool.",
                await Run("insert", _tmp + "/blob", ("insert_line", 0), ("new_str", "x")));
        }
        finally
        {
            var alive = await Session.ExecAsync("set +eux +o pipefail; echo alive");
            Assert.False(alive.SessionEnded);
            Assert.EndsWith("alive\n", alive.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CommandParked_WorkspaceFilesWork_ShellWorkFailsSayingHowToStopIt()
    {
        string folder = "p" + Guid.NewGuid().ToString("N")[..10];
        Directory.CreateDirectory(Path.Combine(fixture.HostWorkspace, folder));
        await File.WriteAllTextAsync(Path.Combine(fixture.HostWorkspace, folder, "a.py"), "x = 1\n");
        string file = $"{Session.Workdir}/{folder}/a.py";
        await MakeTmpFolderAsync();
        string tmpFile = await PutInSandboxAsync("t.py", "t = 1\n"u8.ToArray());
        var bash = new ExecuteBashTool(Session, new ExecuteBashOptions { NoOutputTimeout = TimeSpan.FromSeconds(1) });

        Assert.Contains("[The command has no new output after 1 seconds.", (await bash.RunAsync(new JsonObject { ["command"] = "sleep 30" }, CancellationToken.None)).Text, StringComparison.Ordinal);
        try
        {
            Assert.Equal($"Here's the result of running `cat -n` on {file}:\n     1\tx = 1\n     2\t\n", await Run("view", file));
            Assert.StartsWith($"The file {file} has been edited.", await Run("str_replace", file, ("old_str", "x = 1"), ("new_str", "x = 2")), StringComparison.Ordinal);
            Assert.StartsWith($"Last edit to {file} undone successfully.", await Run("undo_edit", file), StringComparison.Ordinal);
            Assert.Equal($"File created successfully at: {file}.new", await Run("create", file + ".new", ("file_text", "n\n")));

            foreach (var (call, what) in new (Func<Task<string>>, string)[]
            {
                (() => Run("view", $"{Session.Workdir}/{folder}"), $"list {Session.Workdir}/{folder}"),
                (() => Run("view", tmpFile), $"read {tmpFile}"),
                (() => Run("create", _tmp + "/new.py", ("file_text", "x")), $"read {_tmp}/new.py"),
            })
            {
                var busy = await Assert.ThrowsAsync<ToolCallException>(call);
                Assert.Equal(
                    $"The editor cannot {what} now: that needs the terminal, where a command started with execute_bash is still running. " +
                    "Wait for it to end (execute_bash with an empty `command` and `is_input` set to `true`) or stop it (execute_bash with `command` `C-c` and `is_input` set to `true`), then try again.",
                    busy.Message);
            }
        }
        finally
        {
            await bash.RunAsync(new JsonObject { ["command"] = "C-c", ["is_input"] = "true" }, CancellationToken.None);
        }

        Assert.Equal("x = 1\n", await File.ReadAllTextAsync(Path.Combine(fixture.HostWorkspace, folder, "a.py")));
        Assert.Equal("t = 1\n", Encoding.UTF8.GetString(await ReadInSandboxAsync(tmpFile)));
        Assert.StartsWith($"Here's the files and directories up to 2 levels deep in {_tmp}", await Run("view", _tmp), StringComparison.Ordinal);
        Assert.Equal($"File created successfully at: {_tmp}/new.py", await Run("create", _tmp + "/new.py", ("file_text", "x")));
    }

    private async Task MakeTmpFolderAsync() => Assert.Equal(0, (await Session.ExecAsync($"mkdir {_tmp}")).ExitCode);

    private async Task<string> PutInSandboxAsync(string name, byte[] bytes)
    {
        string path = $"{_tmp}/{name}";
        var result = await Session.ExecAsync($"printf %s {BashQuoting.Quote(Convert.ToBase64String(bytes))} | base64 -d > {BashQuoting.Quote(path)}");
        Assert.Equal(0, result.ExitCode);
        return path;
    }

    private async Task<byte[]> ReadInSandboxAsync(string path)
    {
        // The whole output (an observation keeps only 30,000 characters of it).
        var output = new MemoryStream();
        var result = await Session.ExecAsync($"base64 -w0 {BashQuoting.Quote(path)}", new ExecOptions { OnOutput = bytes => output.Write(bytes.Span) });
        Assert.Equal(0, result.ExitCode);
        return Convert.FromBase64String(Encoding.ASCII.GetString(output.ToArray()));
    }

    private async Task<string> Run(string command, string path, params (string Name, JsonNode? Value)[] extra)
    {
        var arguments = new JsonObject { ["command"] = command, ["path"] = path };
        foreach (var (name, value) in extra) arguments[name] = value;
        return (await _editor.RunAsync(arguments, CancellationToken.None)).Text;
    }
}
