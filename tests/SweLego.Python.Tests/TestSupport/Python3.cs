using System.Diagnostics;
using System.Text;

namespace SweLego.Python.Tests.TestSupport;

/// <summary>Runs the <c>python3</c> first on PATH, the oracle the parser is checked against.</summary>
internal static class Python3
{
    private static readonly Lazy<string?> Version = new(() =>
    {
        var result = Run(["-c", "import platform; print(platform.python_version())"], null, TimeSpan.FromSeconds(30));
        return result.ExitCode == 0 ? result.Stdout.Trim() : null;
    });

    public static bool IsAvailable => Version.Value is not null;

    public static string? PythonVersion => Version.Value;

    public static string StdlibPath =>
        Run(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], null, TimeSpan.FromSeconds(30)).Stdout.Trim();

    public static (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> arguments, string? stdin, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (stdin is not null)
            {
                process.StandardInput.Write(stdin);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", "timed out");
            }

            return (process.ExitCode, stdout.Result, stderr.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }

    public static string ScriptPath(string relative) => Path.Combine(AppContext.BaseDirectory, relative);
}
