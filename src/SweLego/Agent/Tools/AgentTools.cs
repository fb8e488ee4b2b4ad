using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>The four tools of one episode, in the released order (spec §2): <c>execute_bash</c>, <c>think</c>, <c>finish</c>, <c>str_replace_editor</c>.</summary>
public static class AgentTools
{
    public static IReadOnlyList<IAgentTool> Create(ISandboxSession session, ExecuteBashOptions bash) =>
        [new ExecuteBashTool(session, bash), new ThinkTool(), new FinishTool(), new StrReplaceEditorTool(session)];

    /// <summary>The four tools' definitions in the same order, without a session (for rendering prompts of stored trajectories).</summary>
    public static IReadOnlyList<ToolDefinition> Schemas { get; } =
        [ExecuteBashTool.Schema, ThinkTool.Schema, FinishTool.Schema, StrReplaceEditorTool.Schema];
}
