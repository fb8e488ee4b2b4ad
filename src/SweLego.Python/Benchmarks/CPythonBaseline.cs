using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace SweLego.Python.Benchmarks;

/// <summary>
/// Runs CPython's <c>ast.parse</c> over the same files, loaded into memory first, for the
/// <c>swelego bench parser</c> ratio. The script is embedded (<see cref="Script"/>).
/// </summary>
public static class CPythonBaseline
{
    private static readonly Lazy<string> ScriptText = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("SweLego.Python.Benchmarks.ast_parse_throughput.py")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The Python script: reads paths from stdin, prints one JSON object with files, bytes and seconds.</summary>
    public static string Script => ScriptText.Value;

    public static async Task<CPythonBaselineResult> RunAsync(IReadOnlyList<string> files, string python = "python3", int iterations = 1,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return CPythonBaselineResult.Failed($"cannot start {python}: {e.Message}");
        }

        using (process)
        {
            try
            {
                var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
                var error = process.StandardError.ReadToEndAsync(cancellationToken);
                foreach (var file in files)
                {
                    await process.StandardInput.WriteLineAsync(file.AsMemory(), cancellationToken);
                }

                process.StandardInput.Close();
                await process.WaitForExitAsync(cancellationToken);
                string stdout = await output;
                if (process.ExitCode != 0)
                {
                    return CPythonBaselineResult.Failed($"{python} exited with {process.ExitCode}: {(await error).Trim()}");
                }

                using var json = JsonDocument.Parse(stdout);
                var root = json.RootElement;
                return new CPythonBaselineResult(true, null, root.GetProperty("version").GetString(), root.GetProperty("files").GetInt32(),
                    root.GetProperty("bytes").GetInt64(), root.GetProperty("seconds").GetDouble());
            }
            catch (OperationCanceledException)
            {
                try
                {
                    process.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }

                throw;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException)
            {
                return CPythonBaselineResult.Failed($"unexpected output from {python}: {e.Message}");
            }
        }
    }
}
