using System.Text;
using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Python.Editing;

/// <summary>
/// Collects text edits against one parsed module (by node, token or byte span) and applies them
/// all at once against the original text, so spans stay valid however many edits are made.
/// Overlapping replacements are a programming error and throw <see cref="ArgumentException"/>.
/// </summary>
public sealed class SourceEditor
{
    private readonly ParsedModule module;
    private readonly List<TextEdit> edits = [];

    internal SourceEditor(ParsedModule module)
    {
        this.module = module;
    }

    public IReadOnlyList<TextEdit> Edits => edits;

    public SourceEditor Replace(SyntaxNode node, string text)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Replace(node.Span, text);
    }

    public SourceEditor Replace(SyntaxToken token, string text) => Replace(token.Span, text);

    public SourceEditor Replace(TextSpan span, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (span.Start < 0 || span.End > module.Text.Length || span.Start > span.End)
        {
            throw new ArgumentOutOfRangeException(nameof(span), span, "The span is outside the module's text.");
        }

        foreach (var edit in edits)
        {
            bool overlaps = edit.Span.OverlapsWith(span)
                || (edit.Span.IsEmpty && span.Start < edit.Span.Start && edit.Span.Start < span.End)
                || (span.IsEmpty && edit.Span.Start < span.Start && span.Start < edit.Span.End);
            if (overlaps)
            {
                throw new ArgumentException($"The edit at {span} overlaps the edit at {edit.Span}.", nameof(span));
            }
        }

        edits.Add(new TextEdit(span, text));
        return this;
    }

    public SourceEditor Delete(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Replace(node.Span, string.Empty);
    }

    /// <summary>
    /// Deletes the whole lines a node occupies (indentation, trailing comment and line break
    /// included) when nothing else shares them; otherwise deletes just the node's span.
    /// </summary>
    public SourceEditor DeleteLines(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var text = module.Text;
        ReadOnlySpan<byte> bytes = text.Utf8;
        var span = node.Span;
        int lineStart = text.GetOffset(new SourceLocation(text.GetLocation(span.Start).Line, 0));
        bool aloneBefore = bytes[lineStart..span.Start].IndexOfAnyExcept((byte)' ', (byte)'\t', (byte)'\f') < 0;
        int lineEnd = span.End;
        while (lineEnd < bytes.Length && bytes[lineEnd] is (byte)' ' or (byte)'\t' or (byte)'\f')
        {
            lineEnd++;
        }

        if (lineEnd < bytes.Length && bytes[lineEnd] == '#')
        {
            int newline = bytes[lineEnd..].IndexOfAny((byte)'\r', (byte)'\n');
            lineEnd = newline < 0 ? bytes.Length : lineEnd + newline;
        }

        bool aloneAfter = lineEnd == bytes.Length || bytes[lineEnd] is (byte)'\r' or (byte)'\n';
        if (!aloneBefore || !aloneAfter)
        {
            return Replace(span, string.Empty);
        }

        if (lineEnd < bytes.Length)
        {
            lineEnd += bytes[lineEnd] == '\r' && lineEnd + 1 < bytes.Length && bytes[lineEnd + 1] == '\n' ? 2 : 1;
        }

        return Replace(new TextSpan(lineStart, lineEnd), string.Empty);
    }

    public SourceEditor InsertBefore(SyntaxNode node, string text)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Insert(node.Span.Start, text);
    }

    public SourceEditor InsertAfter(SyntaxNode node, string text)
    {
        ArgumentNullException.ThrowIfNull(node);
        return Insert(node.Span.End, text);
    }

    public SourceEditor Insert(int offset, string text) => Replace(new TextSpan(offset, offset), text);

    /// <summary>Applies the edits; <paramref name="path"/> names the file in the diff headers.</summary>
    public EditResult Apply(string? path = null)
    {
        var ordered = edits.Select((edit, index) => (edit, index))
            .OrderBy(e => e.edit.Span.Start).ThenBy(e => e.edit.Span.End).ThenBy(e => e.index)
            .Select(e => e.edit);
        ReadOnlySpan<byte> source = module.Text.Utf8;
        var builder = new List<byte>(source.Length + 64);
        int cursor = 0;
        foreach (var edit in ordered)
        {
            builder.AddRange(source[cursor..edit.Span.Start]);
            builder.AddRange(Encoding.UTF8.GetBytes(edit.NewText));
            cursor = edit.Span.End;
        }

        builder.AddRange(source[cursor..]);
        byte[] newUtf8 = [.. builder];

        string? encodingError = null;
        byte[] newBytes;
        try
        {
            newBytes = module.Text.Encode(newUtf8);
        }
        catch (EncoderFallbackException e)
        {
            encodingError = $"the new text cannot be encoded as {module.Text.EncodingName}: {e.Message}";
            newBytes = newUtf8;
        }

        // The diff is over the file as stored, so a BOM belongs to the first line.
        string bom = module.Text.HasByteOrderMark ? "\uFEFF" : string.Empty;
        string oldText = module.Text.ToString();
        string newText = Encoding.UTF8.GetString(newUtf8);
        string name = path ?? module.Path ?? "module.py";
        string diff = UnifiedDiff.Create(bom + oldText, bom + newText, name, name);
        byte[] diffBytes;
        try
        {
            diffBytes = encodingError is null ? module.Text.Encode(diff) : Encoding.UTF8.GetBytes(diff);
            if (module.Text.HasByteOrderMark)
            {
                // Encode adds a BOM of its own in front; the diff keeps the file's BOM inside line 1.
                diffBytes = diffBytes[3..];
            }
        }
        catch (EncoderFallbackException)
        {
            diffBytes = Encoding.UTF8.GetBytes(diff);
        }

        return new EditResult(oldText, newText, newBytes, diff, diffBytes, encodingError);
    }
}
