using System.Text;

namespace SweLego.Runs;

/// <summary>
/// The end of a JSONL file that a reader ignored because a crash or an interrupted write cut it
/// short: where it starts, how long it is and how it begins, so a warning can show what was left out.
/// </summary>
/// <param name="Line">1-based line number where the ignored bytes start.</param>
/// <param name="Bytes">How many bytes were ignored.</param>
/// <param name="Start">The first characters, on one line.</param>
public sealed record JsonlTornTail(int Line, long Bytes, string Start)
{
    private const int PreviewChars = 60;

    internal static string Preview(ReadOnlySpan<byte> bytes)
    {
        string text = Encoding.UTF8.GetString(bytes).ReplaceLineEndings(" ");
        return text.Length <= PreviewChars ? text : text[..PreviewChars] + "…";
    }
}
