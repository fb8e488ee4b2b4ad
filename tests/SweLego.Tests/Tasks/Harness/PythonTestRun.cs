using System.Diagnostics;
using System.Runtime.CompilerServices;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

/// <summary>
/// Runs a real test command the way an eval script does (between the markers, stderr merged into
/// stdout) with Debian's /usr/bin/python3, which has pytest 7.2 (the pyenv python3 on PATH has not).
/// </summary>
internal static class PythonTestRun
{
    public const string Python = "/usr/bin/python3";

    public static Task<(string Log, int ExitCode)> RunAsync(string directory, string arguments)
    {
        var script = $"echo '>>>>> Start Test Output'; {Python} {arguments} 2>&1; rc=$?; echo '>>>>> End Test Output'; exit $rc";
        var info = new ProcessStartInfo("/bin/bash", ["-c", script])
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        // Unbuffered, so a test's print lands between its name and its status as on a terminal.
        info.Environment["PYTHONUNBUFFERED"] = "1";
        // The caller's environment must not change pytest's output format under the parsers.
        foreach (var name in (string[])["NO_COLOR", "PY_COLORS", "FORCE_COLOR", "PYTEST_ADDOPTS"])
        {
            info.Environment.Remove(name);
        }

        return ChildProcess.RunAsync(info);
    }

    /// <summary>
    /// Hand-written logs live in Fixtures/. They are read from the output folder when the project
    /// copies them there, else from the source tree next to this file.
    /// </summary>
    public static string Fixture(string name, [CallerFilePath] string source = "")
    {
        var copied = Path.Combine(AppContext.BaseDirectory, "Tasks", "Harness", "Fixtures", name);
        return File.ReadAllText(File.Exists(copied) ? copied : Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name));
    }
}
