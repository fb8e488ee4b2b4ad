using System.Globalization;
using Docker.DotNet;
using Docker.DotNet.LegacyHttp;
using Docker.DotNet.Unix;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// Where the Docker daemon listens, and clients for it. Explicit configuration wins over
/// DOCKER_HOST, which wins over <see cref="Default"/>. Endpoints are checked here, so a typo
/// fails at once naming the forms we support instead of as a transport error later.
/// </summary>
public static class DockerEndpoint
{
    /// <summary>The endpoint used when neither the options nor DOCKER_HOST name one.</summary>
    public const string Default = "unix:///var/run/docker.sock";

    /// <summary>The endpoint in use for <paramref name="configured"/> (null: DOCKER_HOST, then <see cref="Default"/>).</summary>
    public static Uri Resolve(string? configured) => Resolve(configured, Environment.GetEnvironmentVariable("DOCKER_HOST"));

    internal static Uri Resolve(string? configured, string? dockerHost) =>
        Parse(!string.IsNullOrWhiteSpace(configured) ? configured
            : !string.IsNullOrWhiteSpace(dockerHost) ? dockerHost
            : Default);

    /// <summary><c>unix:///absolute/path</c> or <c>tcp://host:port</c> (plain HTTP); anything else is an <see cref="ArgumentException"/>.</summary>
    public static Uri Parse(string endpoint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpoint);
        string text = endpoint.Trim();
        if (text.StartsWith("unix://", StringComparison.OrdinalIgnoreCase))
        {
            string path = text["unix://".Length..];
            if (path.Length < 2 || path[0] != '/')
                throw new ArgumentException($"Docker endpoint '{endpoint}' needs an absolute socket path, e.g. {Default}.", nameof(endpoint));
            return new Uri("unix://" + path);
        }

        if (text.StartsWith("tcp://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            string authority = text[(text.IndexOf("://", StringComparison.Ordinal) + 3)..].TrimEnd('/');
            int colon = authority.LastIndexOf(':');
            string host = colon > 0 ? authority[..colon] : "";
            if (host.Trim('[', ']').Length == 0 || host.Contains('/', StringComparison.Ordinal)
                || !int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int port)
                || port is < 1 or > 65535)
            {
                throw new ArgumentException($"Docker endpoint '{endpoint}' must look like tcp://host:port.", nameof(endpoint));
            }

            return new Uri($"tcp://{host}:{port.ToString(CultureInfo.InvariantCulture)}");
        }

        throw new ArgumentException(
            $"Docker endpoint '{endpoint}' is not supported; use unix:///path/to/docker.sock or tcp://host:port (TLS is not supported).",
            nameof(endpoint));
    }

    /// <summary>A client for <paramref name="endpoint"/>; dispose it.</summary>
    public static DockerClient CreateClient(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);

        // Builds, archive copies and attached streams legitimately take long: callers bound time
        // with their tokens. A proxy from the environment must never see daemon traffic.
        var builder = new DockerClientBuilder().WithEndpoint(endpoint).WithTimeout(Timeout.InfiniteTimeSpan);
        return endpoint.Scheme == "unix"
            ? builder.WithTransportOptions(new UnixSocketTransportOptions { ConfigureHandler = handler => handler.UseProxy = false }).Build()
            : builder.WithTransportOptions(new LegacyHttpTransportOptions { ConfigureHandler = handler => handler.UseProxy = false }).Build();
    }

    /// <summary>A client for <paramref name="configured"/> as <see cref="Resolve(string?)"/> reads it.</summary>
    public static DockerClient CreateClient(string? configured) => CreateClient(Resolve(configured));
}
