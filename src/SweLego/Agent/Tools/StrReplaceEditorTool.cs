using System.Globalization;
using System.Text.Json.Nodes;
using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>
/// <c>str_replace_editor</c> (spec §2): openhands-aci 0.3.2's editor over a sandbox session, with its
/// checks in its order and its observation texts; failures read <c>ERROR:\n</c> + aci's message.
/// One instance per episode: it holds the undo history. Where OpenHands answers before the editor
/// runs (a binary file to <c>view</c>: <c>ERROR_BINARY_FILE</c>), the call fails with
/// <see cref="ToolCallException"/>, which the loop shows with the error suffix, as OpenHands does.
/// Beyond aci: <c>insert</c> after a last line without a newline starts a new line (aci glues the
/// text onto that line); files are UTF-8 or byte-preserving Latin-1, see <see cref="EditorFile"/>.
/// Files anywhere in the sandbox (an agent's <c>/tmp/reproduce.py</c>) are reached as the sandbox
/// user sees them, see <see cref="EditorFiles"/>; while a command of <c>execute_bash</c> still runs,
/// workspace files stay editable and what needs the shell fails with a hint (<see cref="EditorShell"/>).
/// </summary>
public sealed class StrReplaceEditorTool(ISandboxSession session) : IAgentTool
{
    public const string Name = "str_replace_editor";

    /// <summary>The note put before a <c>view_range</c> whose end lies past the file (aci's wording; the end is clamped).</summary>
    public static string RangeClampedNote(int lineCount) =>
        $"NOTE: We only show up to {lineCount} since there're only {lineCount} lines in this file.\n";

    /// <summary>aci converts these to Markdown for <c>view</c>; every other command refuses them.</summary>
    private static readonly string[] MarkdownExtensions = [".docx", ".xlsx", ".pptx", ".pdf", ".mp3", ".wav", ".m4a", ".flac"];

    private const string Description = """
        Tool for viewing, creating and editing files in plain-text format
        * State persists across calls and across the discussion with the user
        * When `path` is a text file, `view` shows the output of `cat -n` on it. When `path` is a directory, `view` lists the non-hidden files and directories up to 2 levels deep
        * Files with these binary extensions can be viewed as Markdown: [".xlsx", ".pptx", ".wav", ".mp3", ".m4a", ".flac", ".pdf", ".docx"]. IMAGES ARE NOT SUPPORTED.
        * `create` cannot be used when `path` already exists as a file
        * Long output of a `command` is cut and marked with `<response clipped>`
        * `undo_edit` reverts the most recent edit made to the file at `path`
        * Use this tool to create and edit files in plain-text format.


        Before you use this tool:
        1. View the file with `view` to understand its contents and context
        2. Check that the directory path is right (only when creating a new file):
           - View the parent directory to confirm that it exists and is the right place

        When you edit:
           - Make sure the result is idiomatic, correct code
           - Never leave the code broken
           - Always give absolute file paths (starting with /)

        ESSENTIAL RULES FOR THIS TOOL:

        1. EXACT MATCH: `old_str` must match EXACTLY one or more consecutive lines of the file, whitespace and indentation included. The call fails when `old_str` matches more than one place or does not match the file exactly.

        2. UNIQUENESS: `old_str` must identify one single place in the file:
           - Include enough context before and after the point of change (3-5 lines is a good amount)
           - When it is not unique, nothing is replaced

        3. REPLACEMENT: `new_str` holds the edited lines that replace `old_str`. The two strings must differ.

        Remember: when you make several edits to the same file in a row, prefer sending them all in one message with several calls to this tool over several messages with one call each.

        """;

    private readonly EditorFiles _files = new(session);
    private readonly EditHistory _history = new();

    /// <summary>The definition, also without an instance (prompt rendering, schema tests).</summary>
    public static ToolDefinition Schema { get; } = new(Name, Description,
    [
        new ToolParameter("command", "string", "The command to run; its allowed values follow.", Required: true)
        {
            AllowedValues = ["view", "create", "str_replace", "insert", "undo_edit"],
        },
        new ToolParameter("path", "string", "Absolute path of a file or directory, e.g. `/workspace/file.py` or `/workspace`.", Required: true),
        new ToolParameter("file_text", "string", "Required for the `create` command: the content of the file to create.", Required: false),
        new ToolParameter("old_str", "string", "Required for the `str_replace` command: the text in `path` to replace.", Required: false),
        new ToolParameter("new_str", "string", "For `str_replace`, optional: the text that replaces `old_str` (when absent, nothing takes its place). For `insert`, required: the text to insert.", Required: false),
        new ToolParameter("insert_line", "integer", "Required for the `insert` command: `new_str` is inserted AFTER line `insert_line` of `path`.", Required: false),
        new ToolParameter("view_range", "array", "Optional for `view` of a file. Without it the whole file is shown; with it, only the given line numbers, e.g. [11, 12] shows lines 11 and 12. Lines count from 1. `[start_line, -1]` shows everything from `start_line` to the end of the file.", Required: false)
        {
            ItemsType = "integer",
        },
    ]);

    public ToolDefinition Definition => Schema;

    public async Task<ToolObservation> RunAsync(JsonObject arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string command = Text(arguments, "command")!;
        string path = EditorPath.Normalize(Text(arguments, "path")!);
        try
        {
            var target = await ValidatePathAsync(command, path, cancellationToken);
            return new ToolObservation(command switch
            {
                "view" => await ViewAsync(path, target, ViewRange(arguments), cancellationToken),
                "create" => await CreateAsync(path, Text(arguments, "file_text"), cancellationToken),
                "str_replace" => await ReplaceAsync(path, target, Text(arguments, "old_str"), Text(arguments, "new_str"), cancellationToken),
                "insert" => await InsertAsync(path, target, Integer(arguments, "insert_line"), Text(arguments, "new_str"), cancellationToken),
                "undo_edit" => await UndoAsync(path, target, cancellationToken),
                _ => throw new ToolCallException($"Unknown command `{command}` for {Name}."),
            });
        }
        catch (EditorError error)
        {
            return new ToolObservation("ERROR:\n" + error.Message);
        }
    }

    /// <summary>aci's path checks: absolute, exists (or not, for <c>create</c>), a file unless viewing.</summary>
    private async Task<EditorTarget> ValidatePathAsync(string command, string path, CancellationToken cancellationToken)
    {
        if (!path.StartsWith('/'))
        {
            string hint = "The path should be an absolute path, starting with `/`.";
            string suggested = EditorPath.Normalize(_files.Workdir + "/" + path);
            if ((await _files.ProbeAsync(suggested, cancellationToken)).Kind != EditorTargetKind.Missing) hint += $" Maybe you meant {suggested}?";
            throw EditorError.Invalid("path", path, hint);
        }

        var target = await _files.ProbeAsync(path, cancellationToken);
        bool exists = target.Kind != EditorTargetKind.Missing;
        if (command == "create" && exists)
            throw EditorError.Invalid("path", path, $"File already exists at: {path}. Cannot overwrite files using command `create`.");
        if (command != "create" && !exists)
            throw EditorError.Invalid("path", path, $"The path {path} does not exist. Please provide a valid path.");
        if (command is not ("view" or "create") && target.Kind == EditorTargetKind.Directory)
            throw EditorError.Invalid("path", path, $"The path {path} is a directory and only the `view` command can be used on directories.");
        string suffix = EditorPath.Suffix(path);
        if (command != "view" && MarkdownExtensions.Contains(suffix.ToLowerInvariant()))
            throw EditorError.Invalid("path", path, $"The path {path} points to a binary file ({suffix}) and only the `view` command can be used on supported binary files.");
        return target;
    }

    private async Task<string> ViewAsync(string path, EditorTarget target, JsonArray? range, CancellationToken cancellationToken)
    {
        if (target.Kind == EditorTargetKind.Directory)
        {
            if (range is { Count: > 0 })
                throw EditorError.Invalid("view_range", Repr(range), "The `view_range` parameter is not allowed when `path` points to a directory.");
            return await DirectoryListing.RenderAsync(_files.Shell, path, cancellationToken);
        }

        // OpenHands refuses a binary file before its editor sees the call.
        if (target.Bytes is { } bytes && BinaryContent.Looks(bytes)) throw new ToolCallException("ERROR_BINARY_FILE");
        string text = Read(path, target).Text;
        if (range is not { Count: > 0 }) return EditorOutput.CatN(text, path, 1);
        if (range.Count != 2 || AsInteger(range[0]) is not { } start || AsInteger(range[1]) is not { } end)
            throw EditorError.Invalid("view_range", Repr(range), "It should be a list of two integers.");

        int lineCount = TextLines.Count(text);
        if (start < 1 || start > lineCount)
            throw EditorError.Invalid("view_range", Repr(range),
                $"Its first element `{start}` should be within the range of lines of the file: {EditorOutput.PythonList([1, lineCount])}.");
        string note = "";
        if (end == -1) end = lineCount;
        else if (end > lineCount)
        {
            note = RangeClampedNote(lineCount);
            end = lineCount;
        }

        if (end < start)
            throw EditorError.Invalid("view_range", Repr(range), $"Its second element `{end}` should be greater than or equal to the first element `{start}`.");
        string lines = TextLines.Range(text, (int)start, (int)end);
        return note + EditorOutput.CatN(lines.EndsWith('\n') ? lines[..^1] : lines, path, (int)start);
    }

    private async Task<string> CreateAsync(string path, string? fileText, CancellationToken cancellationToken)
    {
        if (fileText is null) throw EditorError.Missing("file_text", "create");
        // Python's open() does not make folders: a missing parent is its "No such file" error.
        var parent = await _files.ProbeAsync(EditorPath.Parent(path), cancellationToken);
        if (parent.Kind != EditorTargetKind.Directory)
            throw EditorError.Write(path, EditorFiles.Reason(parent.Kind == EditorTargetKind.Missing ? SandboxFileProblem.NotFound : SandboxFileProblem.NotAFile, path));
        await _files.WriteAsync(path, EditorFile.EncodeNew(fileText), cancellationToken);
        _history.Add(path, fileText);
        return $"File created successfully at: {path}";
    }

    private async Task<string> ReplaceAsync(string path, EditorTarget target, string? oldStr, string? newStr, CancellationToken cancellationToken)
    {
        if (oldStr is null) throw EditorError.Missing("old_str", "str_replace");
        if (newStr == oldStr)
            throw EditorError.Invalid("new_str", newStr, "No replacement was performed. `new_str` and `old_str` must be different.");
        var file = Read(path, target);
        string content = file.Text;
        newStr ??= "";
        var matches = Occurrences(content, oldStr);
        if (matches.Count == 0)
        {
            // aci retries without surrounding whitespace before giving up.
            oldStr = oldStr.Trim();
            newStr = newStr.Trim();
            matches = Occurrences(content, oldStr);
            if (matches.Count == 0) throw new EditorError($"No replacement was performed, old_str `{oldStr}` did not appear verbatim in {path}.");
        }

        if (matches.Count > 1)
        {
            var lines = matches.Select(index => (long)LineOf(content, index)).Distinct().Order();
            throw new EditorError($"No replacement was performed. Multiple occurrences of old_str `{oldStr}` in lines {EditorOutput.PythonList(lines)}. Please ensure it is unique.");
        }

        string edited = content[..matches[0]] + newStr + content[(matches[0] + oldStr.Length)..];
        await WriteAsync(path, file, edited, cancellationToken);
        _history.Add(path, content);
        // aci's snippet window: from 3 lines before the edited line to 4 after the new text (its read starts one past max(0, line - 4)).
        int line = LineOf(content, matches[0]);
        int first = Math.Max(0, line - EditorOutput.SnippetContextLines);
        int last = line + EditorOutput.SnippetContextLines + newStr.Count(c => c == '\n');
        return $"The file {path} has been edited. "
            + EditorOutput.CatN(TextLines.Range(edited, first + 1, last), $"a snippet of {path}", first + 1)
            + "Review the changes and make sure they are as expected. Edit the file again if necessary.";
    }

    private async Task<string> InsertAsync(string path, EditorTarget target, long? insertLine, string? newStr, CancellationToken cancellationToken)
    {
        if (insertLine is not { } after) throw EditorError.Missing("insert_line", "insert");
        if (newStr is null) throw EditorError.Missing("new_str", "insert");
        var file = Read(path, target);
        var lines = TextLines.Split(file.Text);
        if (after < 0 || after > lines.Count)
            throw EditorError.Invalid("insert_line", after.ToString(CultureInfo.InvariantCulture),
                $"It should be within the range of allowed values: {EditorOutput.PythonList([0, lines.Count])}");

        int at = (int)after;
        if (at == lines.Count && at > 0 && !lines[^1].EndsWith('\n')) lines[^1] += "\n";
        string[] inserted = newStr.Split('\n');
        string edited = string.Concat(lines.Take(at)) + string.Concat(inserted.Select(l => l + "\n")) + string.Concat(lines.Skip(at));
        await WriteAsync(path, file, edited, cancellationToken);
        _history.Add(path, file.Text);
        int first = Math.Max(0, at - EditorOutput.SnippetContextLines);
        int last = Math.Min(lines.Count + inserted.Length, at + EditorOutput.SnippetContextLines + inserted.Length);
        return $"The file {path} has been edited. "
            + EditorOutput.CatN(TextLines.Range(edited, first + 1, last), "a snippet of the edited file", Math.Max(1, at - EditorOutput.SnippetContextLines + 1))
            + "Review the changes and make sure they are as expected (correct indentation, no duplicate lines, etc). Edit the file again if necessary.";
    }

    private async Task<string> UndoAsync(string path, EditorTarget target, CancellationToken cancellationToken)
    {
        var file = Read(path, target);
        string previous = _history.Pop(path) ?? throw new EditorError($"No edit history found for {path}.");
        await WriteAsync(path, file, previous, cancellationToken);
        return $"Last edit to {path} undone successfully. {EditorOutput.CatN(previous, path, 1)}";
    }

    /// <summary>aci's file checks before reading (size, binary), then the text.</summary>
    private static EditorFile Read(string path, EditorTarget target)
    {
        if (target.Bytes is not { } bytes) throw EditorError.Read(path, $"[Errno 13] Permission denied: '{path}'");
        if (target.Size > EditorFiles.MaxFileBytes)
            throw EditorError.Validation(path, string.Create(CultureInfo.InvariantCulture,
                $"File is too large ({target.Size / 1024.0 / 1024.0:F1}MB). Maximum allowed size is {EditorFiles.MaxFileBytes / 1024 / 1024}MB."));
        if (BinaryContent.Looks(bytes))
            throw EditorError.Validation(path, "File appears to be binary and this file type cannot be read or edited by this tool.");
        return EditorFile.Decode(bytes);
    }

    private Task WriteAsync(string path, EditorFile file, string text, CancellationToken cancellationToken) =>
        _files.WriteAsync(path, file.Encode(text)
            ?? throw EditorError.Write(path, "'latin-1' codec can't encode a character of the new text: ordinal not in range(256)"), cancellationToken);

    /// <summary>Non-overlapping occurrences, left to right, as Python's <c>re.finditer</c> finds a literal (an empty one matches at every position).</summary>
    private static List<int> Occurrences(string content, string literal)
    {
        if (literal.Length == 0) return [.. Enumerable.Range(0, content.Length + 1)];
        var found = new List<int>();
        for (int i = content.IndexOf(literal, StringComparison.Ordinal); i >= 0; i = content.IndexOf(literal, i + literal.Length, StringComparison.Ordinal))
            found.Add(i);
        return found;
    }

    private static int LineOf(string content, int index) => content.AsSpan(0, index).Count('\n') + 1;

    private static string? Text(JsonObject arguments, string name) => arguments[name]?.GetValue<string>();

    private static long? Integer(JsonObject arguments, string name) => arguments[name] switch
    {
        null => null,
        var node => AsInteger(node) ?? throw new ToolCallException($"Parameter `{name}` must be an integer, not {node.ToJsonString()}."),
    };

    /// <summary>A JSON integer however the node holds it (parsed text, <c>int</c>, <c>long</c>); null for anything else.</summary>
    private static long? AsInteger(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number) ? number : null;

    private static JsonArray? ViewRange(JsonObject arguments) => arguments["view_range"] as JsonArray;

    /// <summary>The list as Python prints it; its items are JSON numbers, spelled alike.</summary>
    private static string Repr(JsonArray range) => "[" + string.Join(", ", range.Select(item => item?.ToJsonString() ?? "None")) + "]";
}
