using System.Text;
using SweLego.Sandboxes.Docker.Engine;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

/// <summary>Helpers that drain an <see cref="ExecStream"/> in tests.</summary>
internal static class ExecOutput
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Reads to the end, keeping stdout and stderr apart.</summary>
    public static async Task<(byte[] Stdout, byte[] Stderr)> ReadAllAsync(ExecStream stream, int bufferSize = 4096)
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        var buffer = new byte[bufferSize];
        while (true)
        {
            var chunk = await stream.ReadChunkAsync(buffer, cts.Token);
            if (chunk.Count == 0)
            {
                return (stdout.ToArray(), stderr.ToArray());
            }

            (chunk.Stream == ExecStreamKind.Stderr ? stderr : stdout).Write(buffer, 0, chunk.Count);
        }
    }

    /// <summary>Reads until the text read so far ends with <paramref name="suffix"/>.</summary>
    public static async Task<string> ReadUntilAsync(ExecStream stream, string suffix)
    {
        using var cts = new CancellationTokenSource(Timeout);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().EndsWith(suffix, StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, cts.Token);
            if (n == 0)
            {
                throw new EndOfStreamException($"exec output ended before '{suffix}'; got '{text}'");
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    /// <summary>Waits for the daemon to record the exit code; it may lag the end of the output slightly.</summary>
    public static async Task<ExecInfo> WaitForExitAsync(DockerEngineClient client, string execId)
    {
        using var cts = new CancellationTokenSource(Timeout);
        while (true)
        {
            var info = await client.InspectExecAsync(execId, cts.Token);
            if (!info.Running && info.ExitCode is not null)
            {
                return info;
            }

            await Task.Delay(10, cts.Token);
        }
    }
}
