using System.Text;
using SweLego.Python.Text;

namespace SweLego.Python;

/// <summary>Entry points: parse Python source from bytes, a string or a file.</summary>
public static class PythonSource
{
    /// <summary>
    /// Parses file bytes the way CPython reads a file: a UTF-8 BOM and a PEP 263 coding cookie are
    /// honoured. Never throws for bad input; problems are in <see cref="ParsedModule.Diagnostics"/>.
    /// </summary>
    public static ParsedModule Parse(ReadOnlySpan<byte> source, string? path = null)
    {
        var diagnostics = new DiagnosticBag();
        var text = SourceDecoder.Decode(source, diagnostics);
        return new ParsedModule(path, text, diagnostics);
    }

    /// <summary>Parses already-decoded text (a coding cookie is ignored, as CPython does for str).</summary>
    public static ParsedModule Parse(string source, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var diagnostics = new DiagnosticBag();
        var text = new SourceText(Encoding.UTF8.GetBytes(source), "utf-8", false, null);
        int nul = source.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            diagnostics.Add(Encoding.UTF8.GetByteCount(source.AsSpan(0, nul)), "source code string cannot contain null bytes");
        }

        return new ParsedModule(path, text, diagnostics);
    }

    /// <summary>Reads and parses a file; I/O errors are exceptions, syntax errors are diagnostics.</summary>
    public static ParsedModule ParseFile(string path) => Parse(File.ReadAllBytes(path), path);
}
