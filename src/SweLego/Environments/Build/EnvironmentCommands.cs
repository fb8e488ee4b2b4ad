using System.Text.Json;
using SweLego.Runs;
using SweLego.Sandboxes;

namespace SweLego.Environments.Build;

/// <summary>The shell commands of an environment build, shared by the local and the Docker builder.</summary>
internal static class EnvironmentCommands
{
    /// <summary>Folder inside the venv with the source-install plan, script, pip's log and the outcome.</summary>
    public const string SourceFolder = ".swelego-source";

    public const string PlanFile = "plan.json";
    public const string ScriptFile = "swelego_source_install.py";
    public const string StatusFile = "install.json";

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
        string venv = $"/usr/bin/python3 -m venv {(offline ? "--system-site-packages " : "")}{BashQuoting.Quote(directory)}";
        if (!offline) return venv;
        string pytest = BashQuoting.Quote(directory + "/bin/pytest");
        string script = BashQuoting.Quote($"#!/bin/sh\nexec {BashQuoting.Quote(directory + "/bin/python")} -m pytest \"$@\"\n");
        return $"{venv} && printf {script} > {pytest} && chmod +x {pytest}";
    }

    /// <summary>
    /// The spec's install steps run by the venv's python. Offline, pip cannot fetch anything: only
    /// the project itself is installed (no index, no build isolation, no dependencies) and
    /// requirement files are left to <see cref="CheckRequirements"/>. When pip cannot install the
    /// project (offline, or no index reachable) and the spec has a <see cref="SourceInstall"/>, the
    /// source install (<c>swelego_source_install.py</c>, from <see cref="SourceFiles"/> in
    /// <c>&lt;venv&gt;/.swelego-source</c>) takes over and records itself in <see cref="StatusFile"/>.
    /// </summary>
    public static IEnumerable<string> Install(EnvironmentSpec spec, string venv, bool offline)
    {
        string python = BashQuoting.Quote(venv + "/bin/python");
        foreach (string step in spec.InstallSteps)
        {
            string install = step.Replace("python -m pip install", $"{python} -m pip install", StringComparison.Ordinal);
            bool requirementFile = step.Contains(" -r ", StringComparison.Ordinal);
            if (offline && requirementFile) continue;
            if (offline) install = install.Replace(" install ", " install --no-index --no-build-isolation --no-deps ", StringComparison.Ordinal);
            yield return requirementFile || spec.SourceInstall is null ? install : WithSourceFallback(install, venv, offline);
        }
    }

    /// <summary>pip's output is kept in a file so the fallback can say why pip failed; a pip success leaves no status file.</summary>
    private static string WithSourceFallback(string install, string venv, bool offline)
    {
        string folder = venv + "/" + SourceFolder;
        string log = BashQuoting.Quote(folder + "/pip.log");
        string fallback = string.Join(' ',
            BashQuoting.Quote(venv + "/bin/python"), BashQuoting.Quote(folder + "/" + ScriptFile), BashQuoting.Quote(folder + "/" + PlanFile),
            "\"$PWD\"", log, offline ? "offline" : "online", BashQuoting.Quote(folder + "/" + StatusFile));
        return $"{{ {install} > {log} 2>&1; status=$?; cat {log}; [ $status -eq 0 ] || {fallback}; }}";
    }

    /// <summary>The files the fallback needs, by name inside <see cref="SourceFolder"/>; none when the spec has no project.</summary>
    public static IReadOnlyDictionary<string, string> SourceFiles(EnvironmentSpec spec) =>
        spec.SourceInstall is { } plan
            ? new Dictionary<string, string>
            {
                [PlanFile] = JsonSerializer.Serialize(plan, RunJson.Options),
                [ScriptFile] = EmbeddedResources.ReadText("SweLego.Environments.Build." + ScriptFile),
            }
            : new Dictionary<string, string>();

    /// <summary>How the project was installed, from the status file's text (null or empty: pip did it).</summary>
    public static EnvironmentInstall ReadInstall(string? status) =>
        string.IsNullOrWhiteSpace(status)
            ? EnvironmentInstall.Pip
            : JsonSerializer.Deserialize<EnvironmentInstall>(status, RunJson.Options) ?? EnvironmentInstall.Pip;

    /// <summary>Prints each requirement whose distribution is not installed, one per line (version constraints and markers not evaluated).</summary>
    public static string CheckRequirements(EnvironmentSpec spec, string python) =>
        $"{BashQuoting.Quote(python)} -c {BashQuoting.Quote(UnmetScript)} {string.Join(' ', spec.Requirements.Select(BashQuoting.Quote))}";
}
