using System.Diagnostics;
using System.Globalization;

namespace SweLego.Sandboxes.Probes;

/// <summary>
/// A <c>sleep</c> a probe starts on the host as bait (its pid, its environment). It ends by
/// itself after about ten minutes should the probe's tear-down never run.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private bool _disposed;

    private HostProcess(Process process, string argument)
    {
        _process = process;
        Argument = argument;
    }

    public int Pid => _process.Id;

    /// <summary>The unique argument of the sleep (its command line is <c>/bin/sleep &lt;argument&gt;</c>).</summary>
    public string Argument { get; }

    /// <summary>Alive and neither stopped nor traced (a ptrace attach stops it; a kill ends it); false once disposed (killed).</summary>
    public bool IsRunningFreely
    {
        get
        {
            if (_disposed || _process.HasExited) return false;
            try
            {
                string status = File.ReadAllText($"/proc/{Pid.ToString(CultureInfo.InvariantCulture)}/status");
                string state = Field(status, "State:");
                return !state.StartsWith('Z') && !state.StartsWith('T') && !state.StartsWith('t') && Field(status, "TracerPid:") == "0";
            }
            catch (IOException)
            {
                return false;
            }
        }
    }

    internal static HostProcess StartSleep(IReadOnlyDictionary<string, string>? environment)
    {
        string argument = $"600.{Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture)}";
        var info = new ProcessStartInfo("/bin/sleep") { UseShellExecute = false };
        info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        return new HostProcess(Process.Start(info) ?? throw new InvalidOperationException("Could not start /bin/sleep."), argument);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static string Field(string status, string name)
    {
        foreach (string line in status.Split('\n'))
        {
            if (line.StartsWith(name, StringComparison.Ordinal)) return line[name.Length..].Trim();
        }

        return "";
    }
}
