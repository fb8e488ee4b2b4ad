using System.Text;

namespace SweLego.Sandboxes.Shell;

/// <summary>
/// Splits a byte stream into output data and protocol markers. A marker is
/// <c>"\x1eSWL" + nonce + ":" + body + "\n"</c> and may sit anywhere, even inside a line of
/// output (bash writes a string with newlines in several write calls, so a marker carries
/// only its final newline to stay one atomic write). Works across chunk boundaries and
/// never buffers output (only a partial marker prefix is held back).
/// </summary>
internal sealed class MarkerScanner
{
    private const int MaxBodyBytes = 16 * 1024;
    private readonly byte[] _prefix;
    private readonly byte[] _body = new byte[MaxBodyBytes];
    private int _matched;
    private int _bodyLength;
    private bool _inBody;

    public MarkerScanner(string nonce) => _prefix = Encoding.ASCII.GetBytes($"\u001eSWL{nonce}:");

    /// <summary>Feeds one chunk; calls <paramref name="onData"/> for output bytes and <paramref name="onMarker"/> for each marker body.</summary>
    public void Process(ReadOnlySpan<byte> data, ReadOnlySpanAction onData, Action<string> onMarker)
    {
        int i = 0, emitFrom = 0;
        while (i < data.Length)
        {
            if (_inBody)
            {
                int newline = data[i..].IndexOf((byte)'\n');
                int end = newline < 0 ? data.Length : i + newline;
                AppendBody(data[i..end]);
                if (newline < 0) return;
                i = end + 1;
                emitFrom = i;
                _inBody = false;
                onMarker(Encoding.UTF8.GetString(_body, 0, _bodyLength));
                continue;
            }

            if (_matched == 0)
            {
                int start = data[i..].IndexOf(_prefix[0]);
                if (start < 0) break;
                i += start;
                if (i > emitFrom) onData(data[emitFrom..i]);
                _matched = 1;
                emitFrom = ++i;
                continue;
            }

            if (data[i] == _prefix[_matched])
            {
                emitFrom = ++i;
                if (++_matched == _prefix.Length)
                {
                    _matched = 0;
                    _inBody = true;
                    _bodyLength = 0;
                }
                continue;
            }

            // Not a marker: the held bytes equal the prefix's first bytes, so give those back.
            // The prefix's first byte (0x1E) occurs nowhere else in it, so a match can only
            // restart at data[i].
            onData(_prefix.AsSpan(0, _matched));
            _matched = 0;
            emitFrom = i;
        }

        if (!_inBody && _matched == 0 && emitFrom < data.Length) onData(data[emitFrom..]);
    }

    /// <summary>Returns bytes held back as a possible marker start (call at end of stream).</summary>
    public void Flush(ReadOnlySpanAction onData)
    {
        if (_matched > 0) onData(_prefix.AsSpan(0, _matched));
        _matched = 0;
    }

    private void AppendBody(ReadOnlySpan<byte> part)
    {
        int take = Math.Min(part.Length, MaxBodyBytes - _bodyLength);
        part[..take].CopyTo(_body.AsSpan(_bodyLength));
        _bodyLength += take;
    }
}

/// <summary>Callback receiving a span of output bytes.</summary>
internal delegate void ReadOnlySpanAction(ReadOnlySpan<byte> data);
