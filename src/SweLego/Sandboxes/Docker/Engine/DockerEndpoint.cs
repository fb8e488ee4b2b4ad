using System.Globalization;
using System.Net.Sockets;

namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>A parsed daemon address that can open raw sockets (HttpClient and exec hijacks share it).</summary>
internal sealed class DockerEndpoint
{
    private DockerEndpoint(string display, string? unixPath, string? host, int port)
    {
        Display = display;
        UnixPath = unixPath;
        Host = host;
        Port = port;
    }

    public string Display { get; }

    public string? UnixPath { get; }

    public string? Host { get; }

    public int Port { get; }

    /// <summary>Value of the Host header; the daemon ignores it on unix sockets but HTTP/1.1 requires one.</summary>
    public string HostHeader => UnixPath is not null ? "docker"
        : Host!.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{Host}:{Port.ToString(CultureInfo.InvariantCulture)}";

    public Uri BaseAddress => new($"http://{HostHeader}/");

    /// <summary>Explicit configuration wins over DOCKER_HOST, which wins over the default socket.</summary>
    public static DockerEndpoint Resolve(string? configured, string? dockerHostVariable) =>
        Parse(!string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(dockerHostVariable) ? dockerHostVariable
            : DockerEngineOptions.DefaultEndpoint);

    public static DockerEndpoint Parse(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        var text = endpoint.Trim();
        if (text.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["unix://".Length..];
            if (path.Length == 0 || path[0] != '/')
            {
                throw new ArgumentException($"Docker endpoint '{endpoint}' needs an absolute socket path, e.g. unix:///var/run/docker.sock.", nameof(endpoint));
            }

            return new DockerEndpoint(text, path, null, 0);
        }

        if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            var authority = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
            var colon = authority.LastIndexOf(':');
            var host = colon > 0 ? authority[..colon].Trim('[', ']') : "";
            if (host.Length == 0 || host.Contains('/', StringComparison.Ordinal)
                || !int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port)
                || port is < 1 or > 65535)
            {
                throw new ArgumentException($"Docker endpoint '{endpoint}' must look like tcp://host:port.", nameof(endpoint));
            }

            return new DockerEndpoint(text, null, host, port);
        }

        throw new ArgumentException(
            $"Docker endpoint '{endpoint}' is not supported; use unix:///path/to/docker.sock or tcp://host:port (TLS is not supported).",
            nameof(endpoint));
    }

    public async ValueTask<Socket> ConnectAsync(CancellationToken cancellationToken)
    {
        Socket socket;
        if (UnixPath is not null)
        {
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        }
        else
        {
            // Exec round trips are small writes; Nagle would add up to 40 ms to each.
            socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        }

        try
        {
            if (UnixPath is not null)
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(UnixPath), cancellationToken);
            }
            else
            {
                await socket.ConnectAsync(Host!, Port, cancellationToken);
            }

            return socket;
        }
        catch (SocketException ex) when (UnixPath is not null && !File.Exists(UnixPath))
        {
            // .NET reports a missing socket file as "Cannot assign requested address".
            socket.Dispose();
            throw new IOException($"no socket file at {UnixPath}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
