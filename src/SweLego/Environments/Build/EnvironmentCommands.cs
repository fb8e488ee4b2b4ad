using SweLego.Sandboxes.Shell;

namespace SweLego.Environments.Build;

/// <summary>The shell commands of an environment build, shared by the local and the Docker builder.</summary>
internal static class EnvironmentCommands
{
    private const string UnmetScript =
        "import importlib.metadata as md, re, sys\n" +
        "for req in sys.argv[1:]:\n" +
        "    m = re.match(r'[A-Za-z0-9][A-Za-z0-9._-]*', req)\n" +
        "    if not m: continue\n" +
        "    try: md.version(m.group(0))\n" +
        "    except md.PackageNotFoundError: print(req)\n";

    /// <summary>
    /// Creates the venv. Offline it sees the system's packages but not their console scripts: a
    /// <c>pytest</c> there would run the system interpreter, which lacks the project, so the venv
    /// gets a <c>pytest</c> that runs its own interpreter.
    /// </summary>
    public static string CreateVenv(string directory, bool offline)
    {
        string venv = $"/usr/bin/python3 -m venv {(offline ? "--system-site-packages " : "")}{ShellScripts.Quote(directory)}";
        if (!offline) return venv;
        string pytest = ShellScripts.Quote(directory + "/bin/pytest");
        string script = ShellScripts.Quote($"#!/bin/sh\nexec {ShellScripts.Quote(directory + "/bin/python")} -m pytest \"$@\"\n");
        return $"{venv} && printf {script} > {pytest} && chmod +x {pytest}";
    }

    /// <summary>
    /// The spec's install steps run by the venv's python. Offline, pip cannot fetch anything: only
    /// the project itself is installed (no index, no build isolation, no dependencies) and
    /// requirement files are left to <see cref="CheckRequirements"/>.
    /// </summary>
    public static IEnumerable<string> Install(EnvironmentSpec spec, string python, bool offline)
    {
        foreach (string step in spec.InstallSteps)
        {
            string install = step.Replace("python -m pip install", $"{ShellScripts.Quote(python)} -m pip install", StringComparison.Ordinal);
            if (!offline) yield return install;
            else if (!step.Contains(" -r ", StringComparison.Ordinal))
                yield return install.Replace(" install ", " install --no-index --no-build-isolation --no-deps ", StringComparison.Ordinal);
        }
    }

    /// <summary>Prints each requirement whose distribution is not installed, one per line (version constraints and markers not evaluated).</summary>
    public static string CheckRequirements(EnvironmentSpec spec, string python) =>
        $"{ShellScripts.Quote(python)} -c {ShellScripts.Quote(UnmetScript)} {string.Join(' ', spec.Requirements.Select(ShellScripts.Quote))}";
}
