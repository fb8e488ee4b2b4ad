namespace SweLego.Agent.Tools;

/// <summary>
/// Whether a file is binary, by the rule aci and OpenHands use (the <c>binaryornot</c> package) on the
/// first 1,024 bytes: empty is text; mostly control characters, or almost only high bytes, is binary
/// unless the bytes decode as a confidently detected encoding; otherwise NUL or 0xFF bytes make it
/// binary unless they decode. binaryornot asks <c>chardet</c> for the encoding; here "decodes" means
/// valid UTF-8 with non-ASCII bytes and no NUL (a sequence cut at the 1,024-byte boundary allowed),
/// the case chardet names with high confidence in source trees.
/// </summary>
internal static class BinaryContent
{
    /// <summary>The bytes the test looks at (a longer file also tells it that a UTF-8 sequence may be cut at the end).</summary>
    public const int SampleBytes = 1024;

    public static bool Looks(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> chunk = content[..Math.Min(content.Length, SampleBytes)];
        if (chunk.IsEmpty) return false;
        int control = 0, ascii = 0;
        foreach (byte b in chunk)
        {
            bool printableAscii = b is (>= 32 and < 127) or (byte)'\n' or (byte)'\r' or (byte)'\t' or (byte)'\f' or (byte)'\b';
            if (!printableAscii) control++;
            if (b < 127) ascii++;
        }

        double nonText = (double)control / chunk.Length, nonHigh = (double)ascii / chunk.Length;
        if (nonText > 0.9 && nonHigh > 0.9) return true;
        bool likelyBinary = (nonText > 0.3 && nonHigh < 0.05) || (nonText > 0.8 && nonHigh > 0.8);
        if (DecodesAsUnicode(chunk, cut: content.Length > SampleBytes)) return false;
        return likelyBinary || chunk.Contains((byte)0) || chunk.Contains((byte)0xFF);
    }

    private static bool DecodesAsUnicode(ReadOnlySpan<byte> chunk, bool cut)
    {
        if (chunk.Contains((byte)0) || !chunk.ContainsAnyInRange((byte)0x80, (byte)0xFF)) return false;
        var status = System.Text.Unicode.Utf8.ToUtf16(chunk, new char[chunk.Length], out int read, out _, replaceInvalidSequences: false, isFinalBlock: !cut);
        return status == System.Buffers.OperationStatus.Done || (cut && status == System.Buffers.OperationStatus.NeedMoreData && read > 0);
    }
}
