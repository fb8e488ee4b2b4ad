using System.Diagnostics;
using System.Text;

namespace SweLego.Python.Tests.TestSupport;

/// <summary>
/// A CPython interpreter used as the oracle the parser is checked against: by default the
/// <c>python3</c> first on PATH (the acceptance corpus), and <see cref="Newer"/> lists the 3.12+
/// interpreters this machine also has, for the grammar the PATH one does not know.
/// </summary>
internal sealed class Python3
{
    private readonly Lazy<string?> version;
    private readonly Lazy<string> stdlib;

    private Python3(string executable)
    {
        Executable = executable;
        version = new(() =>
        {
            var result = Run(["-c", "import platform; print(platform.python_version())"], null, TimeSpan.FromSeconds(30));
            return result.ExitCode == 0 ? result.Stdout.Trim() : null;
        });
        stdlib = new(() => Run(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], null, TimeSpan.FromSeconds(30)).Stdout.Trim());
    }

    /// <summary>The <c>python3</c> first on PATH.</summary>
    public static Python3 OnPath { get; } = new("python3");

    /// <summary>
    /// CPython 3.12 and later found as <c>python3.N</c> on PATH or under the pyenv versions
    /// folder, one per minor version, oldest first.
    /// </summary>
    public static IReadOnlyList<Python3> Newer => NewerFound.Value;

    private static readonly Lazy<List<Python3>> NewerFound = new(DiscoverNewer);

    public string Executable { get; }

    public bool IsAvailable => version.Value is not null;

    public string? PythonVersion => version.Value;

    /// <summary>The (major, minor) of <see cref="PythonVersion"/>; (0, 0) when unavailable.</summary>
    public (int Major, int Minor) MinorVersion
    {
        get
        {
            string[] parts = (PythonVersion ?? "0.0").Split('.');
            return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public string StdlibPath => stdlib.Value;

    public (int ExitCode, string Stdout, string Stderr) Run(IEnumerable<string> arguments, string? stdin, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Executable)
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

    public override string ToString() => $"{Executable} ({PythonVersion ?? "unavailable"})";

    public static string ScriptPath(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    private static List<Python3> DiscoverNewer()
    {
        var candidates = new List<string>();
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            for (int minor = 12; minor <= 20; minor++)
            {
                string path = Path.Combine(directory, $"python3.{minor}");
                if (File.Exists(path)) candidates.Add(path);
            }
        }

        string pyenvRoot = Environment.GetEnvironmentVariable("PYENV_ROOT")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".pyenv");
        string versions = Path.Combine(pyenvRoot, "versions");
        if (Directory.Exists(versions))
        {
            candidates.AddRange(Directory.EnumerateDirectories(versions)
                .Select(v => Path.Combine(v, "bin", "python3"))
                .Where(File.Exists)
                .Order(StringComparer.Ordinal));
        }

        return candidates
            .Select(path => new Python3(path))
            .Where(p => p.IsAvailable && p.MinorVersion.CompareTo((3, 12)) >= 0)
            .GroupBy(p => p.MinorVersion)
            .Select(g => g.First())
            .OrderBy(p => p.MinorVersion)
            .ToList();
    }
}
