using System.Buffers;
using System.Text;
using SweLego.Python.Editing;
using SweLego.Python.Lexing;
using SweLego.Python.Parsing;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;
using SweLego.Python.Text;

namespace SweLego.Python;

/// <summary>
/// A parsed Python file: the lossless syntax tree, the diagnostics, and (computed on first use)
/// the module's classes and functions. Immutable; edits produce new source text.
/// </summary>
public sealed class ParsedModule
{
    private readonly Token[] tokens;
    private ModuleModel? model;

    internal ParsedModule(string? path, SourceText text, DiagnosticBag diagnostics)
    {
        Path = path;
        Text = text;
        tokens = Tokenizer.Tokenize(text, diagnostics, out int count);
        TokenCount = count;
        Root = Parser.Parse(this, diagnostics);
        Diagnostics = diagnostics.ToDiagnostics(text);
    }

    /// <summary>The path given to <see cref="PythonSource"/>, used in diffs and reports.</summary>
    public string? Path { get; }

    public SourceText Text { get; }

    public ModuleSyntax Root { get; }

    /// <summary>Syntax errors in source order; empty when the file is valid Python.</summary>
    public IReadOnlyList<PythonDiagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Count > 0;

    public int TokenCount { get; }

    internal Token[] TokenArray => tokens;

    /// <summary>Every function and method (nested ones included) in source order.</summary>
    public IReadOnlyList<PythonFunction> Functions => Model.Functions;

    /// <summary>Every class (nested ones included) in source order.</summary>
    public IReadOnlyList<PythonClass> Classes => Model.Classes;

    /// <summary>Functions and classes together, in source order.</summary>
    public IReadOnlyList<PythonDefinition> Definitions => Model.Definitions;

    private ModuleModel Model => model ??= ModuleModel.Build(this);

    public SyntaxToken GetToken(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, TokenCount);
        return new SyntaxToken(this, index);
    }

    internal int TriviaStart(int index) => index == 0 ? 0 : tokens[index - 1].End;

    /// <summary>The module's text, produced by walking the tree.</summary>
    public string ToSource() => Encoding.UTF8.GetString(ToUtf8());

    /// <summary>The UTF-8 text produced by walking the tree (no BOM, no re-encoding).</summary>
    public byte[] ToUtf8()
    {
        var writer = new ArrayBufferWriter<byte>(Text.Length + 1);
        Root.WriteTo(writer);
        return writer.WrittenSpan.ToArray();
    }

    /// <summary>The file's bytes, produced by walking the tree: same encoding and BOM as the input.</summary>
    public byte[] ToBytes() => Text.Encode(ToUtf8());

    /// <summary>Starts a set of text edits against this module.</summary>
    public SourceEditor Edit() => new(this);
}
