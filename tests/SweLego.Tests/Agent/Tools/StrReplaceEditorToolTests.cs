using System.Text;
using System.Text.Json.Nodes;
using SweLego.Agent.Tools;

namespace SweLego.Tests.Agent.Tools;

/// <summary>
/// The editor against a real bwrap session: every observation text of openhands-aci 0.3.2 that the
/// spec names, compared whole, and the file bytes each command leaves behind.
/// </summary>
public sealed class StrReplaceEditorToolTests(EditorSessionFixture fixture) : IClassFixture<EditorSessionFixture>
{
    private const string Lines3 = "alpha\nbeta\ngamma\n";

    private readonly string _folder = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly StrReplaceEditorTool _editor = new(fixture.Session);

    [Fact]
    public async Task View_File_CatNumberedWithTheEmptyLineAfterTheLastNewline()
    {
        string path = Put("a.py", "def f():\n\treturn 1\n");

        Assert.Equal($"Here's the result of running `cat -n` on {path}:\n     1\tdef f():\n     2\t\treturn 1\n     3\t\n", await View(path));
    }

    [Fact]
    public async Task View_PathWithTrailingSlashAndDot_PrintedNormalized()
    {
        string path = Put("a.py", "x");

        Assert.Equal($"Here's the result of running `cat -n` on {path}:\n     1\tx\n", await View(path.Replace("/a.py", "/./a.py//", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task View_Range_InclusiveWithoutTrailingEmptyLine()
    {
        string path = Put("a.txt", Lines3);

        Assert.Equal($"Here's the result of running `cat -n` on {path}:\n     2\tbeta\n     3\tgamma\n", await View(path, 2, 3));
        Assert.Equal($"Here's the result of running `cat -n` on {path}:\n     2\tbeta\n     3\tgamma\n", await View(path, 2, -1));
    }

    [Fact]
    public async Task View_RangeEndPastFile_ClampedWithNoteFirst()
    {
        string path = Put("a.txt", Lines3);

        string expected = $"NOTE: We only show up to 3 since there're only 3 lines in this file.\nHere's the result of running `cat -n` on {path}:\n     2\tbeta\n     3\tgamma\n";
        Assert.Equal(expected, await View(path, 2, 40));
        Assert.StartsWith(StrReplaceEditorTool.RangeClampedNote(3), expected, StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_RangeErrors_AciMessages()
    {
        string path = Put("a.txt", Lines3);

        Assert.Equal($"ERROR:\nInvalid `view_range` parameter: [3, 2]. Its second element `2` should be greater than or equal to the first element `3`.", await View(path, 3, 2));
        Assert.Equal($"ERROR:\nInvalid `view_range` parameter: [0, 2]. Its first element `0` should be within the range of lines of the file: [1, 3].", await View(path, 0, 2));
        Assert.Equal($"ERROR:\nInvalid `view_range` parameter: [4, 5]. Its first element `4` should be within the range of lines of the file: [1, 3].", await View(path, 4, 5));
        Assert.Equal($"ERROR:\nInvalid `view_range` parameter: [1]. It should be a list of two integers.", await Run("view", path, ("view_range", new JsonArray(1))));
        Assert.Equal($"ERROR:\nInvalid `view_range` parameter: [1, 1]. Its first element `1` should be within the range of lines of the file: [1, 0].", await View(Put("empty.txt", ""), 1, 1));
    }

    [Fact]
    public async Task View_LongFile_ClippedAfter16000CharactersWithNotice()
    {
        string line = new('x', 99);
        string path = Put("long.txt", string.Concat(Enumerable.Repeat(line + "\n", 200)));

        string output = await View(path);

        // 16,000 characters = 160 full lines; the notice follows the kept text on line 161.
        Assert.EndsWith("   161\t" + EditorOutput.FileClippedNotice + "\n", output, StringComparison.Ordinal);
        Assert.Contains("   160\t" + line + "\n", output, StringComparison.Ordinal);
        Assert.StartsWith("<response clipped><NOTE>Due to the max output limit, only part of this file has been shown to you. You should retry this tool after you have searched", EditorOutput.FileClippedNotice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_Directory_TwoLevelsSortedHiddenExcludedAndCounted()
    {
        Put("d/b.py", "");
        Put("d/a/one.py", "");
        Put("d/a/deep/three.py", "");
        Put("d/a/.secret", "");
        Put("d/.git/config", "");
        Put("d/.env", "");
        Put("d/a.txt", "");
        string dir = SandboxPath("d");

        Assert.Equal(
            $"Here's the files and directories up to 2 levels deep in {dir}, excluding hidden items:\n" +
            $"{dir}/\n{dir}/a/\n{dir}/a.txt\n{dir}/a/deep/\n{dir}/a/one.py\n{dir}/b.py\n" +
            $"\n2 hidden files/directories in this directory are excluded. You can use 'ls -la {dir}' to see them.",
            await View(dir + "/"));
    }

    [Fact]
    public async Task View_DirectoryWithoutHidden_NoCountLine()
    {
        Put("d/x.py", "");
        string dir = SandboxPath("d");

        Assert.Equal($"Here's the files and directories up to 2 levels deep in {dir}, excluding hidden items:\n{dir}/\n{dir}/x.py", await View(dir));
    }

    [Fact]
    public async Task View_LargeDirectory_ClippedWithDirectoryNotice()
    {
        for (int i = 0; i < 400; i++) Put($"big/file-with-a-long-name-{i:D4}.py", "");

        string output = await View(SandboxPath("big"));

        Assert.EndsWith(EditorOutput.DirectoryClippedNotice, output, StringComparison.Ordinal);
        Assert.StartsWith("<response clipped><NOTE>Due to the max output limit, only part of this directory has been shown to you.", EditorOutput.DirectoryClippedNotice, StringComparison.Ordinal);
        Assert.Contains($"{SandboxPath("big")}/file-with-a-long-name-0000.py\n", output, StringComparison.Ordinal);
        Assert.DoesNotContain("0399", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_DirectoryWithRange_Error()
    {
        Put("d/x.py", "");
        string dir = SandboxPath("d");

        Assert.Equal($"ERROR:\nInvalid `view_range` parameter: [1, 2]. The `view_range` parameter is not allowed when `path` points to a directory.", await View(dir, 1, 2));
    }

    [Fact]
    public async Task PathErrors_AciMessages()
    {
        string file = Put("a.py", "x\n");
        string dir = SandboxPath("");

        Assert.Equal($"ERROR:\nInvalid `path` parameter: {_folder}/a.py. The path should be an absolute path, starting with `/`. Maybe you meant {file}?", await View($"{_folder}/a.py"));
        Assert.Equal("ERROR:\nInvalid `path` parameter: nowhere.py. The path should be an absolute path, starting with `/`.", await View("nowhere.py"));
        Assert.Equal($"ERROR:\nInvalid `path` parameter: {dir}/no.py. The path {dir}/no.py does not exist. Please provide a valid path.", await View($"{dir}/no.py"));
        Assert.Equal($"ERROR:\nInvalid `path` parameter: {file}/x. The path {file}/x does not exist. Please provide a valid path.", await View($"{file}/x"));
        Assert.Equal($"ERROR:\nInvalid `path` parameter: {dir}. The path {dir} is a directory and only the `view` command can be used on directories.",
            await Run("str_replace", dir, ("old_str", "a"), ("new_str", "b")));
        Assert.Equal($"ERROR:\nInvalid `path` parameter: {dir}. The path {dir} is a directory and only the `view` command can be used on directories.", await Run("undo_edit", dir));
    }

    [Fact]
    public async Task BinaryFiles_ViewFailsAsOpenHandsDoesEditsAreRefused()
    {
        string binary = PutBytes("blob.bin", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0]);
        string pdf = Put("doc.PDF", "text pretending to be a pdf\n");

        var error = await Assert.ThrowsAsync<ToolCallException>(() => View(binary));
        Assert.Equal("ERROR_BINARY_FILE", error.Message);
        Assert.Equal($"ERROR:\nFile validation failed for {binary}: File appears to be binary and this file type cannot be read or edited by this tool.",
            await Run("str_replace", binary, ("old_str", "E"), ("new_str", "F")));
        Assert.Equal($"ERROR:\nInvalid `path` parameter: {pdf}. The path {pdf} points to a binary file (.PDF) and only the `view` command can be used on supported binary files.",
            await Run("insert", pdf, ("insert_line", 0), ("new_str", "x")));
    }

    [Fact]
    public async Task TooLargeFile_ValidationError()
    {
        string path = PutBytes("huge.txt", Encoding.ASCII.GetBytes(new string('a', 10 * 1024 * 1024 + 1)));

        Assert.Equal($"ERROR:\nFile validation failed for {path}: File is too large (10.0MB). Maximum allowed size is 10MB.", await View(path));
    }

    [Fact]
    public async Task Create_NewFile_WrittenAndRefusedTheSecondTime()
    {
        string path = SandboxPath("new.py");
        Put("keep", "");

        Assert.Equal($"File created successfully at: {path}", await Run("create", path, ("file_text", "print('hi')\n")));
        Assert.Equal("print('hi')\n", await File.ReadAllTextAsync(HostPath("new.py")));
        Assert.Equal($"ERROR:\nInvalid `path` parameter: {path}. File already exists at: {path}. Cannot overwrite files using command `create`.",
            await Run("create", path, ("file_text", "other")));
        Assert.Equal("print('hi')\n", await File.ReadAllTextAsync(HostPath("new.py")));
    }

    [Fact]
    public async Task Create_Errors_AciMessages()
    {
        Put("keep", "");
        string missingFolder = SandboxPath("no/such/x.py");

        Assert.Equal($"ERROR:\nParameter `file_text` is required for command: create.", await Run("create", SandboxPath("x.py")));
        Assert.Equal($"ERROR:\nRan into [Errno 2] No such file or directory: '{missingFolder}' while trying to write to {missingFolder}",
            await Run("create", missingFolder, ("file_text", "x")));
        Assert.False(Directory.Exists(HostPath("no")));
    }

    [Fact]
    public async Task StrReplace_UniqueMatch_ReplacedWithAcisSnippet()
    {
        string text = string.Concat(Enumerable.Range(1, 12).Select(i => $"line {i}\n"));
        string path = Put("s.py", text);

        string output = await Run("str_replace", path, ("old_str", "line 6\n"), ("new_str", "six\nand a half\n"));

        Assert.Equal(
            $"The file {path} has been edited. Here's the result of running `cat -n` on a snippet of {path}:\n" +
            "     3\tline 3\n     4\tline 4\n     5\tline 5\n     6\tsix\n     7\tand a half\n     8\tline 7\n     9\tline 8\n    10\tline 9\n    11\tline 10\n    12\tline 11\n    13\t\n" +
            "Review the changes and make sure they are as expected. Edit the file again if necessary.",
            output);
        Assert.Equal(text.Replace("line 6\n", "six\nand a half\n", StringComparison.Ordinal), await File.ReadAllTextAsync(HostPath("s.py")));
    }

    [Fact]
    public async Task StrReplace_Failures_AciMessagesAndFileUntouched()
    {
        string path = Put("s.py", "x = 1\ny = 2\nx = 1\n");

        Assert.Equal($"ERROR:\nNo replacement was performed, old_str `z = 3` did not appear verbatim in {path}.", await Run("str_replace", path, ("old_str", "z = 3"), ("new_str", "z = 4")));
        Assert.Equal("ERROR:\nNo replacement was performed. Multiple occurrences of old_str `x = 1` in lines [1, 3]. Please ensure it is unique.",
            await Run("str_replace", path, ("old_str", "x = 1"), ("new_str", "x = 5")));
        Assert.Equal("ERROR:\nInvalid `new_str` parameter: y = 2. No replacement was performed. `new_str` and `old_str` must be different.",
            await Run("str_replace", path, ("old_str", "y = 2"), ("new_str", "y = 2")));
        Assert.Equal("ERROR:\nParameter `old_str` is required for command: str_replace.", await Run("str_replace", path));
        Assert.Equal("x = 1\ny = 2\nx = 1\n", await File.ReadAllTextAsync(HostPath("s.py")));
    }

    [Fact]
    public async Task StrReplace_OnlyMatchesWithoutSurroundingWhitespace_AciRetriesStripped()
    {
        string path = Put("s.py", "a\nb = 1\nc\n");

        string output = await Run("str_replace", path, ("old_str", "  b = 1  \n\n"), ("new_str", " b = 2\n"));

        Assert.StartsWith($"The file {path} has been edited.", output, StringComparison.Ordinal);
        Assert.Equal("a\nb = 2\nc\n", await File.ReadAllTextAsync(HostPath("s.py")));
    }

    [Fact]
    public async Task StrReplace_NoNewStr_DeletesTheMatch()
    {
        string path = Put("s.py", "keep\ndrop\n");

        await Run("str_replace", path, ("old_str", "drop\n"));

        Assert.Equal("keep\n", await File.ReadAllTextAsync(HostPath("s.py")));
    }

    [Fact]
    public async Task Insert_AfterLine_SnippetAndFile()
    {
        string text = string.Concat(Enumerable.Range(1, 10).Select(i => $"l{i}\n"));
        string path = Put("i.py", text);

        string output = await Run("insert", path, ("insert_line", 6), ("new_str", "new A\nnew B"));

        Assert.Equal(
            $"The file {path} has been edited. Here's the result of running `cat -n` on a snippet of the edited file:\n" +
            "     3\tl3\n     4\tl4\n     5\tl5\n     6\tl6\n     7\tnew A\n     8\tnew B\n     9\tl7\n    10\tl8\n    11\tl9\n    12\tl10\n    13\t\n" +
            "Review the changes and make sure they are as expected (correct indentation, no duplicate lines, etc). Edit the file again if necessary.",
            output);
        Assert.Equal(text.Replace("l6\n", "l6\nnew A\nnew B\n", StringComparison.Ordinal), await File.ReadAllTextAsync(HostPath("i.py")));
    }

    [Fact]
    public async Task Insert_AtTopAndAfterLastLineWithoutNewline_FileAsExpected()
    {
        string path = Put("i.py", "a\nb");

        await Run("insert", path, ("insert_line", 0), ("new_str", "top"));
        string output = await Run("insert", path, ("insert_line", 3), ("new_str", "end"));

        Assert.Equal("top\na\nb\nend\n", await File.ReadAllTextAsync(HostPath("i.py")));
        Assert.Contains("     1\ttop\n     2\ta\n     3\tb\n     4\tend\n     5\t\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Insert_Errors_AciMessages()
    {
        string path = Put("i.py", Lines3);

        Assert.Equal("ERROR:\nInvalid `insert_line` parameter: 4. It should be within the range of allowed values: [0, 3]", await Run("insert", path, ("insert_line", 4), ("new_str", "x")));
        Assert.Equal("ERROR:\nInvalid `insert_line` parameter: -1. It should be within the range of allowed values: [0, 3]", await Run("insert", path, ("insert_line", -1), ("new_str", "x")));
        Assert.Equal("ERROR:\nParameter `insert_line` is required for command: insert.", await Run("insert", path, ("new_str", "x")));
        Assert.Equal("ERROR:\nParameter `new_str` is required for command: insert.", await Run("insert", path, ("insert_line", 1)));
        Assert.Equal(Lines3, await File.ReadAllTextAsync(HostPath("i.py")));
    }

    [Fact]
    public async Task UndoEdit_RestoresAndShowsTheFile_NoHistoryIsAnError()
    {
        string path = Put("u.py", "v0\n");

        Assert.Equal($"ERROR:\nNo edit history found for {path}.", await Run("undo_edit", path));
        await Run("str_replace", path, ("old_str", "v0"), ("new_str", "v1"));
        Assert.Equal($"Last edit to {path} undone successfully. Here's the result of running `cat -n` on {path}:\n     1\tv0\n     2\t\n", await Run("undo_edit", path));
        Assert.Equal("v0\n", await File.ReadAllTextAsync(HostPath("u.py")));
    }

    [Fact]
    public async Task UndoEdit_KeepsTenVersionsPerFile()
    {
        string path = Put("u.py", "v0\n");
        for (int i = 1; i <= 12; i++) await Run("str_replace", path, ("old_str", $"v{i - 1}"), ("new_str", $"v{i}"));

        for (int i = 0; i < 10; i++) Assert.StartsWith("Last edit to", await Run("undo_edit", path), StringComparison.Ordinal);

        // The ten kept versions are those before edits 3..12: v2 is the oldest one left.
        Assert.Equal("v2\n", await File.ReadAllTextAsync(HostPath("u.py")));
        Assert.Equal($"ERROR:\nNo edit history found for {path}.", await Run("undo_edit", path));
    }

    [Fact]
    public async Task UndoEdit_AfterCreate_RewritesTheCreatedTextAsAciDoes()
    {
        string path = SandboxPath("c.py");
        Put("keep", "");
        await Run("create", path, ("file_text", "made\n"));

        Assert.Equal($"Last edit to {path} undone successfully. Here's the result of running `cat -n` on {path}:\n     1\tmade\n     2\t\n", await Run("undo_edit", path));
        Assert.Equal("made\n", await File.ReadAllTextAsync(HostPath("c.py")));
    }

    [Fact]
    public async Task Edits_CrLfByteOrderMarkAndLatin1Files_UntouchedBytesKept()
    {
        string crlf = PutBytes("crlf.py", Encoding.UTF8.GetBytes("a = 1\r\nb = 2\r\n"));
        string bom = PutBytes("bom.py", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("é = 1\n")]);
        string latin1 = PutBytes("latin1.py", [(byte)'#', 0xE9, (byte)'\n', (byte)'x', (byte)'\n']);

        Assert.Equal($"Here's the result of running `cat -n` on {crlf}:\n     1\ta = 1\n     2\tb = 2\n     3\t\n", await View(crlf));
        await Run("str_replace", crlf, ("old_str", "a = 1\nb"), ("new_str", "a = 3\nb"));
        await Run("str_replace", bom, ("old_str", "1"), ("new_str", "2"));
        await Run("str_replace", latin1, ("old_str", "x"), ("new_str", "y"));

        Assert.Equal(Encoding.UTF8.GetBytes("a = 3\r\nb = 2\r\n"), await File.ReadAllBytesAsync(HostPath("crlf.py")));
        Assert.Equal([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("é = 2\n")], await File.ReadAllBytesAsync(HostPath("bom.py")));
        Assert.Equal([(byte)'#', 0xE9, (byte)'\n', (byte)'y', (byte)'\n'], await File.ReadAllBytesAsync(HostPath("latin1.py")));
    }

    private Task<string> View(string path) => Run("view", path);

    private Task<string> View(string path, int start, int end) => Run("view", path, ("view_range", new JsonArray(start, end)));

    private async Task<string> Run(string command, string path, params (string Name, JsonNode? Value)[] extra)
    {
        var arguments = new JsonObject { ["command"] = command, ["path"] = path };
        foreach (var (name, value) in extra) arguments[name] = value;
        var observation = await _editor.RunAsync(arguments, CancellationToken.None);
        Assert.False(observation.Finished);
        return observation.Text;
    }

    private string SandboxPath(string relative) => $"{fixture.Session.Workdir}/{_folder}" + (relative.Length > 0 ? "/" + relative : "");

    private string HostPath(string relative) => Path.Combine(fixture.HostWorkspace, _folder, relative);

    private string Put(string relative, string text) => PutBytes(relative, Encoding.UTF8.GetBytes(text));

    private string PutBytes(string relative, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(HostPath(relative))!);
        File.WriteAllBytes(HostPath(relative), bytes);
        return SandboxPath(relative);
    }
}
