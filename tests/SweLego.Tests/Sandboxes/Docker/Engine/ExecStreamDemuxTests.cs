using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using SweLego.Sandboxes.Docker.Engine;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Sandboxes.Docker.Engine;

/// <summary>
/// Frame parsing against a fake daemon on a unix socket we control, so splits the real daemon
/// rarely produces (a header torn across reads, empty frames, a cut connection) are exercised.
/// </summary>
public sealed class ExecStreamDemuxTests : IDisposable
{
    private readonly TempDirectory _dir = new("swelego-demux-");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ReadChunkAsync_FramesSentOneByteAtATime_ReassemblesPayloadPerStream()
    {
        var wire = Frame(1, "hello ").Concat(Frame(2, "oops")).Concat(Frame(1, "world")).ToArray();

        var (stdout, stderr) = await ReadAllThroughAsync(wire, alreadyBuffered: 0, chunk: 1);

        Assert.Equal("hello world", stdout);
        Assert.Equal("oops", stderr);
    }

    [Fact]
    public async Task ReadChunkAsync_BytesAlreadyReadWithResponseHead_AreNotLost()
    {
        var wire = Frame(1, "early").Concat(Frame(2, "late")).ToArray();

        var (stdout, stderr) = await ReadAllThroughAsync(wire, alreadyBuffered: 11, chunk: 3);

        Assert.Equal("early", stdout);
        Assert.Equal("late", stderr);
    }

    [Fact]
    public async Task ReadAsync_EmptyFrame_IsSkipped()
    {
        var wire = Frame(1, "").Concat(Frame(1, "x")).ToArray();

        var (stdout, _) = await ReadAllThroughAsync(wire, alreadyBuffered: 0, chunk: 4096);

        Assert.Equal("x", stdout);
    }

    [Fact]
    public async Task ReadAsync_ConnectionCutInsideFrame_ThrowsIOException()
    {
        var wire = Frame(1, "complete payload")[..12];

        await Assert.ThrowsAsync<IOException>(() => ReadAllThroughAsync(wire, alreadyBuffered: 0, chunk: 4096));
    }

    [Fact]
    public async Task ReadAsync_ConnectionCutInsideHeader_ThrowsIOException()
    {
        var wire = Frame(1, "a").Concat(Frame(1, "b")[..5]).ToArray();

        await Assert.ThrowsAsync<IOException>(() => ReadAllThroughAsync(wire, alreadyBuffered: 0, chunk: 4096));
    }

    [Fact]
    public async Task ReadAsync_TtyStyleRawOutput_ThrowsIOExceptionNamingTheCause()
    {
        var ex = await Assert.ThrowsAsync<IOException>(
            () => ReadAllThroughAsync("plain text, no frames"u8.ToArray(), alreadyBuffered: 0, chunk: 4096));

        Assert.Contains("TTY", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ThenCloseStdin_PeerReadsBytesThenEof()
    {
        var (client, server) = await ConnectPairAsync();
        using var serverSocket = server;
        await using var stream = new ExecStream("fake", client, new byte[1024], 0, 0);

        await stream.WriteAsync("input"u8.ToArray());
        await stream.CloseStdinAsync();
        var received = new MemoryStream();
        var buffer = new byte[64];
        int n;
        while ((n = await server.ReceiveAsync(buffer, SocketFlags.None)) > 0)
        {
            received.Write(buffer, 0, n);
        }

        Assert.Equal("input", Encoding.UTF8.GetString(received.ToArray()));
    }

    [Fact]
    public async Task ReadAsync_CancelledWhileWaiting_StreamStaysUsable()
    {
        var (client, server) = await ConnectPairAsync();
        using var serverSocket = server;
        await using var stream = new ExecStream("fake", client, new byte[1024], 0, 0);
        var buffer = new byte[16];

        using (var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadAsync(buffer, cts.Token));
        }

        await server.SendAsync(Frame(1, "after"), SocketFlags.None);
        var n = await stream.ReadAsync(buffer);
        await stream.WriteAsync("still writable"u8.ToArray());
        var echoed = new byte[32];
        var m = await server.ReceiveAsync(echoed, SocketFlags.None);

        Assert.Equal("after", Encoding.UTF8.GetString(buffer, 0, n));
        Assert.Equal("still writable", Encoding.UTF8.GetString(echoed, 0, m));
    }

    private static byte[] Frame(byte kind, string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        var frame = new byte[8 + bytes.Length];
        frame[0] = kind;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)bytes.Length);
        bytes.CopyTo(frame, 8);
        return frame;
    }

    /// <summary>
    /// Hands the first <paramref name="alreadyBuffered"/> bytes to the stream as if read with the
    /// response head, sends the rest in <paramref name="chunk"/>-byte writes, then closes.
    /// </summary>
    private async Task<(string Stdout, string Stderr)> ReadAllThroughAsync(byte[] wire, int alreadyBuffered, int chunk)
    {
        var (client, server) = await ConnectPairAsync();
        var buffer = new byte[1024];
        wire.AsSpan(0, alreadyBuffered).CopyTo(buffer);
        await using var stream = new ExecStream("fake", client, buffer, 0, alreadyBuffered);
        var sender = Task.Run(async () =>
        {
            using (server)
            {
                for (var i = alreadyBuffered; i < wire.Length; i += chunk)
                {
                    await server.SendAsync(wire.AsMemory(i, Math.Min(chunk, wire.Length - i)), SocketFlags.None);
                    await Task.Delay(1);
                }
            }
        });
        try
        {
            var (stdout, stderr) = await ExecOutput.ReadAllAsync(stream, bufferSize: 7);
            return (Encoding.UTF8.GetString(stdout), Encoding.UTF8.GetString(stderr));
        }
        finally
        {
            await sender;
        }
    }

    private async Task<(Socket Client, Socket Server)> ConnectPairAsync()
    {
        var endpoint = new UnixDomainSocketEndPoint(_dir.Combine($"s{Guid.NewGuid():N}"[..8]));
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(endpoint);
        listener.Listen(1);
        var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await client.ConnectAsync(endpoint);
        return (client, await listener.AcceptAsync());
    }
}
