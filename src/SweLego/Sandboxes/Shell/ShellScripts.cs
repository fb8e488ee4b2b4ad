namespace SweLego.Sandboxes.Shell;

/// <summary>The embedded bash scripts of the session protocol (see shell-init.sh and supervisor.sh).</summary>
internal static class ShellScripts
{
    private static readonly string InitBody = Load("shell-init.sh");
    private static readonly string SupervisorBody = Load("supervisor.sh");

    /// <summary>Text written to the persistent shell's stdin before the first command.</summary>
    /// <param name="maxFileBytes">RLIMIT_FSIZE for the shell and every process it starts (rounded down to KiB).</param>
    public static string Init(string nonce, string workdir, string? oomFile, long maxFileBytes) =>
        $"__SWL_NONCE={nonce}\n__SWL_WORKDIR={BashQuoting.Quote(workdir)}\n__SWL_OOM={BashQuoting.Quote(oomFile ?? "")}\n" +
        $"__SWL_FSIZE={Math.Max(1, maxFileBytes / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)}\n{InitBody}";

    /// <summary>Script for <c>bash -c</c> that runs the supervisor.</summary>
    public static string Supervisor(string nonce, int maxProcesses) =>
        $"__SWL_NONCE={nonce}\n__SWL_PMAX={maxProcesses}\n{SupervisorBody}";

    private static string Load(string name) => EmbeddedResources.ReadText($"SweLego.Sandboxes.Shell.{name}");
}
