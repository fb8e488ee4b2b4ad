namespace SweLego.Sandboxes.Docker.Engine;

public sealed partial class DockerEngineClient
{
    /// <summary>
    /// Extracts a tar archive into <paramref name="path"/>, an existing directory in the container.
    /// With a read-only root file system only paths on volumes and bind mounts are accepted (500
    /// otherwise). The daemon does not see tmpfs mounts: an archive put "into" a tmpfs path answers
    /// 200 but lands underneath it, invisible to the container; write there through an exec instead.
    /// The stream is read to the end but not disposed.
    /// </summary>
    public async Task PutArchiveAsync(string containerId, string path, Stream tar, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(tar);
        using var content = new BorrowedStreamContent(tar, "application/x-tar");
        using var response = await SendAsync(
            HttpMethod.Put, $"/containers/{Escape(containerId)}/archive?path={Escape(path)}", content, cancellationToken);
    }

    /// <summary>
    /// A tar archive of <paramref name="path"/> (a file or a directory, which appears in the archive
    /// under its own name). Streamed: dispose the returned stream to release the connection.
    /// Files on tmpfs mounts are invisible to the daemon (404); read those through an exec.
    /// </summary>
    public async Task<Stream> GetArchiveAsync(string containerId, string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var response = await SendAsync(
            HttpMethod.Get,
            $"/containers/{Escape(containerId)}/archive?path={Escape(path)}",
            null,
            cancellationToken,
            HttpCompletionOption.ResponseHeadersRead);
        try
        {
            // Disposing the content stream returns the connection; the response holds nothing else.
            return await response.Content.ReadAsStreamAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }
}
