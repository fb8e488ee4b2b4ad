using System.Net;
using System.Net.Sockets;

namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>
/// Forwards 127.0.0.1:{port} to the daemon's unix socket so the tcp:// endpoint code runs against
/// the real daemon without reconfiguring it. Half-closes are forwarded (exec stdin EOF needs them).
/// </summary>
public sealed class LoopbackTcpProxy : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly string _unixPath;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Task _acceptLoop;

    public LoopbackTcpProxy(string unixPath)
    {
        _unixPath = unixPath;
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(16);
        _acceptLoop = AcceptLoopAsync();
    }

    public string Endpoint => $"tcp://127.0.0.1:{((IPEndPoint)_listener.LocalEndPoint!).Port}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_sockets)
        {
            _sockets.ForEach(s => s.Dispose());
        }

        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopped on purpose.
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var tcp = await _listener.AcceptAsync(_stop.Token);
            var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            lock (_sockets)
            {
                _sockets.Add(tcp);
                _sockets.Add(unix);
            }

            await unix.ConnectAsync(new UnixDomainSocketEndPoint(_unixPath), _stop.Token);
            _ = PumpAsync(tcp, unix);
            _ = PumpAsync(unix, tcp);
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token)) > 0)
            {
                await to.SendAsync(buffer.AsMemory(0, n), SocketFlags.None, _stop.Token);
            }

            to.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // One side went away; the other side's pump ends the same way.
        }
    }
}
