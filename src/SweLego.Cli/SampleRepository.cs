using System.Diagnostics;

namespace SweLego.Cli;

/// <summary>
/// The sample library "tally" (samples/README.md): its git history is created on demand by
/// samples/make-history.sh, found next to the checkout swelego runs from.
/// </summary>
internal static class SampleRepository
{
    public static string FindSamplesDirectory()
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "samples", "make-history.sh"))) return Path.Combine(directory.FullName, "samples");
            }
        }

        throw new InvalidOperationException("The samples folder (samples/make-history.sh) was not found above the swelego binary or the current folder; run swelego from its checkout.");
    }

    /// <summary>Creates the sample's repository with its history in <paramref name="destination"/> (missing or empty).</summary>
    public static async Task<string> CreateHistoryAsync(string destination, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("/bin/bash", [Path.Combine(FindSamplesDirectory(), "make-history.sh"), destination])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info) ?? throw new InvalidOperationException("bash did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0) throw new InvalidOperationException($"make-history.sh failed (exit {process.ExitCode}): {(await error).Trim()} {(await output).Trim()}");
        return Path.GetFullPath(destination);
    }
}
