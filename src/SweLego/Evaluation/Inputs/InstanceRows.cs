using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Runs;
using SweLego.Tasks;

namespace SweLego.Evaluation.Inputs;

/// <summary>
/// Turns one row (a JSON object, whichever file format it came from) into an
/// <see cref="EvaluationInstance"/>, or says why it cannot be one. Our rows are recognised by the
/// record version <c>v</c> and the <c>environment</c> field and read as <see cref="TaskInstance"/>;
/// every other row is read by the SWE-bench column names. Unknown columns are ignored.
/// </summary>
internal static class InstanceRows
{
    /// <summary>The columns other datasets name an instance's image in, in the order they are trusted.</summary>
    internal static readonly string[] ImageColumns = ["image_name", "image", "docker_image"];

    public static (EvaluationInstance? Instance, InputProblem? Problem) Read(JsonNode? row, InputOrigin origin, string dataset)
    {
        if (row is not JsonObject fields)
            return (null, new InputProblem(origin, InputProblemKind.Malformed, null, $"expected a JSON object, found {Kind(row)}"));

        string? id = null;
        try
        {
            id = RequiredText(fields, "instance_id");
            return (fields.ContainsKey("v") && fields.ContainsKey("environment") ? Ours(fields, origin, id) : Theirs(fields, origin, id, dataset), null);
        }
        catch (RowException exception)
        {
            return (null, new InputProblem(origin, exception.Kind, id, exception.Message));
        }
    }

    private static EvaluationInstance Ours(JsonObject fields, InputOrigin origin, string id)
    {
        TaskInstance task;
        try
        {
            task = fields.Deserialize<TaskInstance>(RunJson.Options)
                ?? throw new RowException(InputProblemKind.Malformed, "our task record is null");
        }
        catch (JsonException exception)
        {
            throw new RowException(InputProblemKind.Malformed, $"not a valid SweLego task record (v {fields["v"]}): {exception.Message}");
        }

        string source = task.Source switch
        {
            "commit" or "pr" => EvaluationInstance.RealSource,
            "synthetic" => EvaluationInstance.SyntheticSource,
            _ => throw new RowException(InputProblemKind.Malformed, $"unknown source '{task.Source}' (expected commit, pr or synthetic)"),
        };
        return new EvaluationInstance
        {
            InstanceId = id,
            Repo = task.Repo,
            BaseCommit = task.BaseCommit,
            Patch = task.Patch,
            TestPatch = task.TestPatch,
            ProblemStatement = task.ProblemStatement,
            HintsText = task.HintsText,
            CreatedAt = task.CreatedAt,
            Version = task.Version,
            FailToPass = task.FailToPass,
            PassToPass = task.PassToPass,
            EnvironmentSetupCommit = task.EnvironmentSetupCommit,
            ImageName = Image(fields),
            Source = source,
            Origin = origin,
            Task = task,
        };
    }

    private static EvaluationInstance Theirs(JsonObject fields, InputOrigin origin, string id, string dataset) => new()
    {
        InstanceId = id,
        Repo = RequiredText(fields, "repo"),
        BaseCommit = Text(fields, "base_commit") ?? "",
        Patch = Text(fields, "patch") ?? "",
        TestPatch = Text(fields, "test_patch") ?? "",
        ProblemStatement = Text(fields, "problem_statement") ?? "",
        HintsText = Text(fields, "hints_text") ?? "",
        CreatedAt = Text(fields, "created_at") ?? "",
        Version = Text(fields, "version", allowNumber: true) ?? "",
        FailToPass = TestList(fields, "FAIL_TO_PASS"),
        PassToPass = TestList(fields, "PASS_TO_PASS"),
        EnvironmentSetupCommit = Text(fields, "environment_setup_commit") ?? "",
        ImageName = Image(fields),
        Source = dataset,
        Origin = origin,
    };

    private static string? Image(JsonObject fields) =>
        ImageColumns.Select(column => Text(fields, column)).FirstOrDefault(name => !string.IsNullOrWhiteSpace(name));

    private static string RequiredText(JsonObject fields, string name) =>
        Text(fields, name) is { Length: > 0 } value
            ? value
            : throw new RowException(InputProblemKind.MissingField, $"no {name}");

    /// <summary>
    /// A text column: a string, null or absent (null). <c>version</c> may be a number: some
    /// datasets store "3.0" as a float, and its text is what the harness's tables are keyed by.
    /// </summary>
    private static string? Text(JsonObject fields, string name, bool allowNumber = false)
    {
        var node = fields[name];
        return node switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            JsonValue value when allowNumber && value.GetValueKind() == JsonValueKind.Number => value.ToJsonString(),
            _ => throw new RowException(InputProblemKind.Malformed, $"{name} is {Kind(node)}, not a string"),
        };
    }

    /// <summary>FAIL_TO_PASS / PASS_TO_PASS: a list of strings, or one JSON-encoded as a string (as the Hub's files store them).</summary>
    private static List<string> TestList(JsonObject fields, string name)
    {
        var node = fields[name];
        if (node is null) throw new RowException(InputProblemKind.MissingField, $"no {name}");
        if (node is JsonValue encoded && encoded.GetValueKind() == JsonValueKind.String)
        {
            try { node = JsonNode.Parse(encoded.GetValue<string>()); }
            catch (JsonException exception)
            {
                throw new RowException(InputProblemKind.Malformed, $"{name} is a string but not a JSON-encoded list: {JsonInputFile.Describe(exception)}");
            }
        }

        if (node is not JsonArray items)
            throw new RowException(InputProblemKind.Malformed, $"{name} is {Kind(node)}, not a list of test names");
        var tests = new List<string>(items.Count);
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] is not JsonValue item || item.GetValueKind() != JsonValueKind.String)
                throw new RowException(InputProblemKind.Malformed, $"{name}[{i}] is {Kind(items[i])}, not a test name");
            tests.Add(item.GetValue<string>());
        }

        return tests;
    }

    internal static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    private sealed class RowException(InputProblemKind kind, string message) : Exception(message)
    {
        public InputProblemKind Kind { get; } = kind;
    }
}
