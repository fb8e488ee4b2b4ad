using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SweLego.Evaluation.Inputs;

/// <summary>
/// Reads the JSON layouts instances and predictions come in — JSONL, a JSON array, or (for
/// predictions) an object keyed by instance id — recognised from the content, not the file name
/// (files named <c>.json</c> often hold JSON lines). JSONL is streamed and a bad line is one item's
/// problem; an array or keyed object is parsed whole, so broken JSON there fails the file.
/// </summary>
internal static class JsonInputFile
{
    private static readonly JsonDocumentOptions StrictOptions = new() { AllowDuplicateProperties = false };

    public static (InputFormat Format, IEnumerable<JsonItem> Items) Open(string path, bool allowDictionary, bool fingerprints)
    {
        var format = Detect(path, allowDictionary);
        return (format, format == InputFormat.Jsonl
            ? ReadLines(path, fingerprints)
            : ReadDocument(path, format == InputFormat.JsonDictionary, fingerprints));
    }

    /// <summary>
    /// '[' starts an array. A first line that is an object naming an instance, or that more lines
    /// follow, is JSONL; a lone object without <c>instance_id</c>, or a first line that is just '{'
    /// (a pretty-printed object), is a keyed object.
    /// </summary>
    private static InputFormat Detect(string path, bool allowDictionary)
    {
        var lines = ByteLines.Read(path).Select(l => (l.Line, Text: Trim(l.Bytes))).Where(l => !l.Text.IsEmpty);
        using var enumerator = lines.GetEnumerator();
        if (!enumerator.MoveNext()) return InputFormat.Jsonl;
        var first = enumerator.Current.Text;
        if (first.Span[0] == (byte)'[') return InputFormat.JsonArray;
        if (!allowDictionary || first.Span[0] != (byte)'{') return InputFormat.Jsonl;
        if (first.Span.SequenceEqual("{"u8)) return InputFormat.JsonDictionary;
        var (node, error) = Parse(first.Span);
        if (error is not null) return InputFormat.Jsonl;
        bool single = !enumerator.MoveNext();
        return single && node is JsonObject value && !value.ContainsKey("instance_id") ? InputFormat.JsonDictionary : InputFormat.Jsonl;
    }

    private static IEnumerable<JsonItem> ReadLines(string path, bool fingerprints)
    {
        foreach (var (line, bytes) in ByteLines.Read(path))
        {
            var text = Trim(bytes);
            if (text.IsEmpty) continue;
            var origin = new InputOrigin(path, line);
            string? fingerprint = fingerprints ? Fingerprint(text.Span) : null;
            var (value, error) = Parse(text.Span);
            yield return new JsonItem(origin, value, error, null, fingerprint);
        }
    }

    private static List<JsonItem> ReadDocument(string path, bool dictionary, bool fingerprints)
    {
        byte[] file = File.ReadAllBytes(path);
        var bytes = file.AsMemory(file.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0);
        var items = new List<JsonItem>();
        var reader = new Utf8JsonReader(bytes.Span);
        int line = 1, counted = 0;
        int LineAt(long offset)
        {
            line += bytes.Span[counted..(int)offset].Count((byte)'\n');
            counted = (int)offset;
            return line;
        }

        try
        {
            reader.Read();
            var end = dictionary ? JsonTokenType.EndObject : JsonTokenType.EndArray;
            while (reader.Read() && reader.TokenType != end)
            {
                // A keyed item's text includes its key: two instances may well hold the same value.
                long start = reader.TokenStartIndex;
                var origin = new InputOrigin(path, LineAt(start));
                string? key = null;
                if (dictionary)
                {
                    key = reader.GetString();
                    reader.Read();
                }

                long valueStart = reader.TokenStartIndex;
                reader.Skip();
                var (value, error) = Parse(bytes.Span[(int)valueStart..(int)reader.BytesConsumed]);
                string? fingerprint = fingerprints ? Fingerprint(bytes.Span[(int)start..(int)reader.BytesConsumed]) : null;
                items.Add(new JsonItem(origin, value, error, key, fingerprint));
            }

            while (reader.Read())
            {
                // Drains the reader so trailing garbage after the document is reported.
            }
        }
        catch (JsonException exception)
        {
            throw new InputFileException(path, $"not valid JSON: {exception.Message}", exception);
        }

        return items;
    }

    /// <summary>
    /// One item's JSON. A repeated property name is an error here: JSON objects read lazily would
    /// otherwise throw on first use, far from the line that holds it.
    /// </summary>
    private static (JsonNode? Value, string? Error) Parse(ReadOnlySpan<byte> json)
    {
        try { return (JsonNode.Parse(json, documentOptions: StrictOptions), null); }
        catch (JsonException exception) { return (null, $"not valid JSON: {Describe(exception)}"); }
    }

    private static ReadOnlyMemory<byte> Trim(ReadOnlyMemory<byte> bytes)
    {
        var span = bytes.Span;
        int start = 0, end = span.Length;
        while (start < end && IsWhitespace(span[start])) start++;
        while (end > start && IsWhitespace(span[end - 1])) end--;
        return bytes[start..end];
    }

    private static bool IsWhitespace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    private static string Fingerprint(ReadOnlySpan<byte> text) => Convert.ToHexString(SHA256.HashData(text));

    /// <summary>The parser's message without its "LineNumber: 0" (always 0 within one line), with the column instead.</summary>
    internal static string Describe(JsonException exception)
    {
        string message = exception.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        message = (cut >= 0 ? message[..cut] : message).TrimEnd('.');
        return exception.BytePositionInLine is { } column ? $"{message} (column {column + 1})" : message;
    }
}
