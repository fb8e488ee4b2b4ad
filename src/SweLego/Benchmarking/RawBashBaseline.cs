using System.Diagnostics;
using System.Text;

namespace SweLego.Benchmarking;

/// <summary>
/// The baseline a sandbox round trip is compared with: a plain persistent <c>bash</c> driven
/// through pipes, no sandbox and no protocol beyond an end-of-output line.
/// </summary>
internal sealed class RawBashBaseline : IAsyncDisposable
{
    private static readonly byte[] End = "__swelego_end__\n"u8.ToArray();
    private readonly Process _bash;
    private readonly Stream _stdin;
    private readonly Stream _stdout;
    private readonly byte[] _buffer = new byte[4096];

    private RawBashBaseline(Process bash)
    {
        _bash = bash;
        _stdin = bash.StandardInput.BaseStream;
        _stdout = bash.StandardOutput.BaseStream;
    }

    public static RawBashBaseline Start()
    {
        var info = new ProcessStartInfo("/bin/bash", ["--noprofile", "--norc"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        return new RawBashBaseline(Process.Start(info) ?? throw new InvalidOperationException("bash did not start."));
    }

    /// <summary>Runs <paramref name="command"/> and waits for its end line.</summary>
    public async Task RoundTripAsync(string command, CancellationToken cancellationToken)
    {
        await _stdin.WriteAsync(Encoding.UTF8.GetBytes($"{command}\necho __swelego_end__\n"), cancellationToken);
        await _stdin.FlushAsync(cancellationToken);
        int filled = 0;
        while (filled < End.Length || !_buffer.AsSpan(filled - End.Length, End.Length).SequenceEqual(End))
        {
            if (filled == _buffer.Length) filled = 0;
            int n = await _stdout.ReadAsync(_buffer.AsMemory(filled), cancellationToken);
            if (n == 0) throw new IOException("The baseline bash exited.");
            filled += n;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try { _bash.Kill(); } catch (InvalidOperationException) { }
        await _bash.WaitForExitAsync();
        _bash.Dispose();
    }
}
