using System.Text.RegularExpressions;

namespace SweLego.Agent;

/// <summary>
/// The agent's prompts, embedded templates in our own words (<c>Agent/Prompts/*.txt</c>): the system prompt,
/// and the SWE-bench-style instruction with the repository in <c>&lt;uploaded_files&gt;</c>, the issue in
/// <c>&lt;issue_description&gt;</c> and the phased method of spec §2.
/// </summary>
public static class AgentPrompts
{
    public static string System { get; } = Read("system.txt").TrimEnd();

    private static readonly string InstructionTemplate = Read("instruction.txt").TrimEnd();

    /// <summary>The first user message for a task.</summary>
    public static string Instruction(string workdir, string problemStatement, string baseCommit)
    {
        ArgumentNullException.ThrowIfNull(problemStatement);
        // One pass, so a problem statement that happens to contain "{workdir}" stays as written.
        return Regex.Replace(InstructionTemplate, @"\{(workdir|problem_statement|base_commit)\}", m => m.Groups[1].Value switch
        {
            "workdir" => workdir,
            "problem_statement" => problemStatement.Trim('\n'),
            _ => baseCommit,
        });
    }

    private static string Read(string name) => EmbeddedResources.ReadText("SweLego.Agent.Prompts." + name).Replace("\r\n", "\n", StringComparison.Ordinal);
}
