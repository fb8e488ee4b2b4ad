using SweLego.Agent.Tools;
using SweLego.Tests.Agent.Protocol;

namespace SweLego.Tests.Agent.Tools;

/// <summary>
/// The tools' definitions: the editor's schema as spec §2 gives it, and the episode's tools in the
/// order the protocol golden tests pin (their full texts are pinned there, as a rollout sends them).
/// </summary>
public sealed class AgentToolDefinitionTests(EditorSessionFixture fixture) : IClassFixture<EditorSessionFixture>
{
    [Fact]
    public void Create_TheDefinitionsTheProtocolGoldenTestsPin_InTheReleasedOrder()
    {
        var tools = AgentTools.Create(fixture.Session, new ExecuteBashOptions());

        Assert.Equal(["execute_bash", "think", "finish", "str_replace_editor"], tools.Select(t => t.Definition.Name));
        Assert.Equal(ProtocolTools.All, tools.Select(t => t.Definition));
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
}
