using System.Net;

namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>
/// Request body read from a caller's stream without disposing it (StreamContent would).
/// Seekable streams send a Content-Length; others go chunked.
/// </summary>
internal sealed class BorrowedStreamContent : HttpContent
{
    private readonly Stream _source;

    public BorrowedStreamContent(Stream source, string mediaType)
    {
        _source = source;
        Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _source.CopyToAsync(stream, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        if (_source.CanSeek)
        {
            length = _source.Length - _source.Position;
            return true;
        }

        length = 0;
        return false;
    }
}
