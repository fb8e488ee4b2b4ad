using SweLego.Sandboxes;

namespace SweLego.Agent.Tools;

/// <summary>The four tools of one episode, in the released order (spec §2): <c>execute_bash</c>, <c>think</c>, <c>finish</c>, <c>str_replace_editor</c>.</summary>
public static class AgentTools
{
    public static IReadOnlyList<IAgentTool> Create(ISandboxSession session, ExecuteBashOptions bash) =>
        [new ExecuteBashTool(session, bash), new ThinkTool(), new FinishTool(), new StrReplaceEditorTool(session)];
}
