using System.Text.Json;
using System.Text.Json.Nodes;
using SweLego.Agent.Tools;

namespace SweLego.Tests.Agent.Tools;

/// <summary>
/// The definitions of think, finish and str_replace_editor, pinned as a whole (names, types,
/// required flags, enums, item types and descriptions) against Golden/tool-definitions.json. A
/// deliberate change regenerates the file: SWELEGO_UPDATE_GOLDEN=1 rewrites it in the source tree.
/// </summary>
public sealed class ToolDefinitionGoldenTests
{
    [Fact]
    public void Definitions_MatchGoldenFile()
    {
        string actual = Render([ThinkTool.Schema, FinishTool.Schema, StrReplaceEditorTool.Schema]);
        string golden = Path.Combine(AppContext.BaseDirectory, "Agent", "Tools", "Golden", "tool-definitions.json");
        if (Environment.GetEnvironmentVariable("SWELEGO_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(SourceFolder(), "Golden", "tool-definitions.json"), actual);

        Assert.Equal(File.ReadAllText(golden), actual);
    }

    [Fact]
    public void EditorDefinition_SpecSchema()
    {
        var definition = StrReplaceEditorTool.Schema;

        Assert.Equal("str_replace_editor", definition.Name);
        Assert.Equal(
            ["command:string:True", "path:string:True", "file_text:string:False", "old_str:string:False", "new_str:string:False",
             "insert_line:integer:False", "view_range:array:False"],
            definition.Parameters.Select(p => $"{p.Name}:{p.Type}:{p.Required}"));
        Assert.Equal(["view", "create", "str_replace", "insert", "undo_edit"], definition.Parameters[0].AllowedValues!);
        Assert.Equal("integer", definition.Parameters[^1].ItemsType);
        Assert.All(definition.Parameters.Take(6), p => Assert.Null(p.ItemsType));
    }

    private static string Render(IEnumerable<ToolDefinition> definitions) =>
        new JsonArray([.. definitions.Select(d => (JsonNode)new JsonObject
        {
            ["name"] = d.Name,
            ["description"] = d.Description,
            ["parameters"] = new JsonArray([.. d.Parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["type"] = p.Type,
                ["required"] = p.Required,
                ["description"] = p.Description,
                ["enum"] = p.AllowedValues is { } values ? new JsonArray([.. values.Select(v => (JsonNode)v)]) : null,
                ["items"] = p.ItemsType,
            })]),
        })]).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
