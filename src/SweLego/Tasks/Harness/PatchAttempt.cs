namespace SweLego.Tasks.Harness;

/// <summary>One command of a patch application, with its exit code and whole output.</summary>
public sealed record PatchAttempt(string Command, int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
