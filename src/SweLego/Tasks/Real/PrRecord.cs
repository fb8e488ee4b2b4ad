using System.Text.Json;

namespace SweLego.Tasks.Real;

/// <summary>
/// One line of a <c>--prs</c> file with its fields checked: <c>number</c> (a positive integer) and
/// <c>merge_commit</c> are required; <c>base_commit</c>, <c>title</c>, <c>body</c>,
/// <c>problem_statement</c>, <c>hints_text</c> and <c>created_at</c> are optional strings (null counts
/// as absent, as GitHub exports write an empty body). A field of the wrong type is never dropped
/// silently: <see cref="Parse"/> names every bad field, what it expected and what it got.
/// </summary>
public sealed record PrRecord
{
    public required int Number { get; init; }

    public required string MergeCommit { get; init; }

    public string? BaseCommit { get; init; }

    public string? Title { get; init; }

    public string? Body { get; init; }

    public string? ProblemStatement { get; init; }

    public string? HintsText { get; init; }

    public string? CreatedAt { get; init; }

    /// <summary>The record, or null and every problem of the line ("field 'number': expected an integer, got a string").</summary>
    public static (PrRecord? Record, string? Problem) Parse(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message})");
        }

        if (root.ValueKind != JsonValueKind.Object) return (null, $"expected a JSON object, got {Kind(root)}");
        var problems = new List<string>();
        int? number = PositiveInteger(root, problems);
        string? merge = Text(root, "merge_commit", problems, required: true);
        var record = new PrRecord
        {
            Number = number ?? 0,
            MergeCommit = merge ?? "",
            BaseCommit = Text(root, "base_commit", problems),
            Title = Text(root, "title", problems),
            Body = Text(root, "body", problems),
            ProblemStatement = Text(root, "problem_statement", problems),
            HintsText = Text(root, "hints_text", problems),
            CreatedAt = Text(root, "created_at", problems),
        };
        return problems.Count == 0 ? (record, null) : (null, string.Join("; ", problems));
    }

    private static int? PositiveInteger(JsonElement root, List<string> problems)
    {
        if (!root.TryGetProperty("number", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            problems.Add("field 'number' is missing (a positive integer is required)");
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out int number))
        {
            problems.Add($"field 'number': expected an integer, got {Kind(value)}");
            return null;
        }

        if (number > 0) return number;
        problems.Add($"field 'number': expected a positive integer, got {number}");
        return null;
    }

    private static string? Text(JsonElement root, string name, List<string> problems, bool required = false)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required) problems.Add($"field '{name}' is missing (a string is required)");
            return null;
        }

        if (value.ValueKind == JsonValueKind.String) return value.GetString();
        problems.Add($"field '{name}': expected a string, got {Kind(value)}");
        return null;
    }

    /// <summary>"a string", "a number (1.5)", "an array", …: what the user wrote, in their terms.</summary>
    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"a number ({value.GetRawText()})",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
