using System.Text;
using SweLego.Models;
using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;
using SweLego.Python.Text;
using SweLego.Tasks.Synthetic.Prompts;

namespace SweLego.Tasks.Synthetic.Rewrite;

/// <summary>
/// The <c>llm.rewrite</c> bug method (SWE-smith's LM rewrite): the model sees the file with one
/// documented function's body removed and writes the function again from its signature and
/// docstring; the new body replaces the old one. What the model writes differently is the bug
/// candidate (validation later keeps the ones some test catches).
/// </summary>
/// <remarks>
/// Only the body after the docstring is taken from the reply: the original decorators, <c>def</c>
/// line and docstring stay byte for byte. The bug must live in the implementation, a changed
/// signature would break callers rather than behaviour, and the docstring is the specification
/// the problem statement and the agent rely on. The new body is re-indented from the reply's
/// body indentation to the original's; continuation lines of multi-line strings are left as
/// written so string values do not change.
/// </remarks>
public sealed class LlmRewriter(IModelClient model)
{
    /// <summary>The method id in <see cref="BugCandidate.Method"/>.</summary>
    public const string Id = "llm.rewrite";

    /// <summary>The line that stands for the removed body in the prompt.</summary>
    public const string BodyMarker = "# <implementation removed>";

    private readonly IModelClient model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The prompt (one user message) sent for <paramref name="target"/>, or a reason it cannot be rewritten.</summary>
    public static (string? Prompt, string? Failure) BuildPrompt(ParsedModule source, PythonFunction target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var region = FindBody(source, target, out string? failure);
        if (region is null)
        {
            return (null, failure);
        }

        var marked = Encoding.UTF8.GetString(source.Text.Utf8[..region.Value.Span.Start])
            + region.Value.Indent + BodyMarker
            + Encoding.UTF8.GetString(source.Text.Utf8[region.Value.Span.End..]);
        var prompt = PromptTemplates.Render(PromptTemplates.LlmRewrite, new Dictionary<string, string>
        {
            ["path"] = source.Path ?? "module.py",
            ["qualified_name"] = target.QualifiedName,
            ["name"] = target.Name,
            ["marker"] = BodyMarker,
            ["file"] = marked.TrimEnd('\n', '\r'),
        });
        return (prompt, null);
    }

    /// <summary>
    /// Asks the model for a new implementation of <paramref name="target"/> (a function of
    /// <paramref name="source"/> with a docstring and a body after it) and splices it in.
    /// </summary>
    public async Task<RewriteResult> RewriteAsync(ParsedModule source, PythonFunction target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        if (source.Path is null)
        {
            throw new ArgumentException("The module needs its repository-relative path (PythonSource.Parse(bytes, path)).", nameof(source));
        }

        if (!ReferenceEquals(target.Syntax.Module, source))
        {
            throw new ArgumentException($"{target.QualifiedName} is not a function of {source.Path}.", nameof(target));
        }

        var (prompt, failure) = BuildPrompt(source, target);
        if (prompt is null)
        {
            return RewriteResult.Failed(failure!);
        }

        var reply = await model.CompleteAsync([ModelMessage.User(prompt)], cancellationToken).ConfigureAwait(false);
        if (reply.TextFailure is { } modelFailure)
        {
            return RewriteResult.Failed($"model error: {modelFailure}");
        }

        return Splice(source, target, reply.Text);
    }

    /// <summary>Applies a model reply to <paramref name="target"/> (the part of <see cref="RewriteAsync"/> after the model call).</summary>
    public RewriteResult Splice(ParsedModule source, PythonFunction target, string reply)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(reply);
        var region = FindBody(source, target, out string? failure);
        if (region is null)
        {
            return RewriteResult.Failed(failure!, reply);
        }

        string? code = ReplyCode.Extract(reply, target.Name);
        if (code is null)
        {
            return RewriteResult.Failed("reply has no Python code", reply);
        }

        var snippet = PythonSource.Parse(ReplyCode.Dedent(code), "reply.py");
        if (snippet.HasErrors)
        {
            var error = snippet.Diagnostics[0];
            return RewriteResult.Failed($"rewrite does not parse: {error.Line}:{error.Column} {error.Message} (in the reply's code)", reply);
        }

        var written = snippet.Functions.FirstOrDefault(f => f.QualifiedName == target.QualifiedName)
            ?? snippet.Functions.FirstOrDefault(f => f.Name == target.Name);
        if (written is null)
        {
            return RewriteResult.Failed($"reply does not define {target.Name}", reply);
        }

        var implementation = Implementation(written);
        if (implementation.Count == 0)
        {
            return RewriteResult.Failed($"reply's {target.Name} has no body beyond its docstring", reply);
        }

        string newline = NewlineAt(source.Text, region.Value.Span.End);
        string body = Reindent(snippet, written, implementation[0], region.Value.Indent, newline);
        var edit = source.Edit().Replace(region.Value.Span, body).Apply(source.Path);
        if (edit.EncodingError is not null)
        {
            return RewriteResult.Failed($"rewrite cannot be stored in the file's encoding: {edit.EncodingError}", reply);
        }

        var rewritten = PythonSource.Parse(edit.NewBytes, source.Path);
        if (rewritten.HasErrors)
        {
            var error = rewritten.Diagnostics[0];
            return RewriteResult.Failed($"rewrite does not parse: {error.Line}:{error.Column} {error.Message}", reply);
        }

        var replaced = rewritten.Functions.FirstOrDefault(f => f.QualifiedName == target.QualifiedName);
        if (replaced is null)
        {
            return RewriteResult.Failed($"rewrite does not define {target.QualifiedName} where it was", reply);
        }

        if (TokensEqual(Implementation(target), Implementation(replaced)))
        {
            return RewriteResult.Failed("rewrite is unchanged", reply);
        }

        int oldLines = target.EndLine - region.Value.FirstLine + 1;
        int newLines = replaced.EndLine - region.Value.FirstLine + 1;
        string description = $"{model.Model} rewrote the body of {target.QualifiedName} (lines {region.Value.FirstLine}-{target.EndLine}: {oldLines} → {newLines} lines)";
        return RewriteResult.Of(new BugCandidate(Id, source.Path!, target.QualifiedName, description, edit.NewBytes), reply);
    }

    /// <summary>The lines of the body after the docstring, from the start of its first line to the end of its last (newline excluded).</summary>
    private static BodyRegion? FindBody(ParsedModule source, PythonFunction target, out string? failure)
    {
        failure = null;
        var statements = target.Body.Statements;
        if (target.Docstring is null)
        {
            failure = $"{target.QualifiedName} has no docstring";
            return null;
        }

        if (!target.Body.IsIndented)
        {
            failure = $"{target.QualifiedName} is written on one line";
            return null;
        }

        if (statements.Count < 2)
        {
            failure = $"{target.QualifiedName} has no body beyond its docstring";
            return null;
        }

        var text = source.Text;
        // The docstring's line statement ends with its NEWLINE token: take the line of the string itself.
        var docstring = (SimpleStatementLineSyntax)statements[0];
        int docstringEnd = docstring.Statements[0].EndLocation.Line;
        int first = statements[1].StartLocation.Line;
        if (docstring.Statements.Count > 1 || first <= docstringEnd)
        {
            failure = $"{target.QualifiedName}'s body starts on its docstring's line";
            return null;
        }

        var docstringLine = text.GetLineSpan(statements[0].StartLocation.Line);
        string indent = text.GetText(new TextSpan(docstringLine.Start, text.GetOffset(statements[0].StartLocation)));
        var span = new TextSpan(text.GetLineSpan(first).Start, text.GetLineSpan(target.EndLine).End);
        return new BodyRegion(span, indent, first);
    }

    private static IReadOnlyList<StatementSyntax> Implementation(PythonFunction function)
    {
        var statements = function.Body.Statements;
        return function.Docstring is null ? statements : [.. statements.Skip(1)];
    }

    /// <summary>
    /// The reply's body from its first implementation statement to the function's end, each line
    /// moved from the reply's body indentation to <paramref name="indent"/>.
    /// </summary>
    private static string Reindent(ParsedModule snippet, PythonFunction written, StatementSyntax first, string indent, string newline)
    {
        var text = snippet.Text;
        var start = first.StartLocation;
        // The body's own indentation: the first statement's when it begins its line, else none (a one-line body).
        string bodyIndent = written.Body.IsIndented
            ? LeadingWhitespace(text.GetText(text.GetLineSpan(written.Body.Statements[0].StartLocation.Line)))
            : "";
        var insideString = MultiLineTokenLines(snippet);
        var builder = new StringBuilder();
        for (int line = start.Line; line <= written.EndLine; line++)
        {
            var span = text.GetLineSpan(line);
            // Whole lines (a trailing comment on the last line included); the first from the statement on.
            string content = text.GetText(new TextSpan(line == start.Line ? text.GetOffset(start) : span.Start, span.End));
            if (line > start.Line)
            {
                builder.Append(newline);
            }

            if (line == start.Line)
            {
                builder.Append(indent).Append(content);
            }
            else if (insideString.Contains(line))
            {
                builder.Append(content);
            }
            else if (content.Trim().Length == 0)
            {
                // A blank line stays blank (its whitespace dropped).
            }
            else if (content.StartsWith(bodyIndent, StringComparison.Ordinal))
            {
                builder.Append(indent).Append(content.AsSpan(bodyIndent.Length));
            }
            else
            {
                builder.Append(indent).Append(content.TrimStart(' ', '\t'));
            }
        }

        return builder.ToString().TrimEnd();
    }

    /// <summary>Lines that begin inside a token spanning lines (triple-quoted strings, f-string parts).</summary>
    private static HashSet<int> MultiLineTokenLines(ParsedModule module)
    {
        var lines = new HashSet<int>();
        for (int i = 0; i < module.TokenCount; i++)
        {
            var token = module.GetToken(i);
            if (token.Kind is TokenKind.Newline or TokenKind.Indent or TokenKind.Dedent or TokenKind.EndOfFile)
            {
                continue;
            }

            var (startLine, endLine) = (token.Start.Line, token.End.Line);
            for (int line = startLine + 1; line <= endLine; line++)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    /// <summary>Token-equal ignoring whitespace and comments (statement structure kept: NEWLINE, INDENT, DEDENT count).</summary>
    private static bool TokensEqual(IReadOnlyList<StatementSyntax> left, IReadOnlyList<StatementSyntax> right) =>
        Tokens(left).SequenceEqual(Tokens(right), StringComparer.Ordinal);

    private static IEnumerable<string> Tokens(IReadOnlyList<StatementSyntax> statements) =>
        statements.SelectMany(s => s.DescendantTokens()).Select(t => t.Kind switch
        {
            TokenKind.Newline => "<newline>",
            TokenKind.Indent => "<indent>",
            TokenKind.Dedent => "<dedent>",
            TokenKind.EndOfFile => "<eof>",
            _ => t.Text,
        });

    private static string LeadingWhitespace(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    private static string NewlineAt(SourceText text, int offset)
    {
        var bytes = text.Utf8;
        return offset + 1 < bytes.Length && bytes[offset] == '\r' && bytes[offset + 1] == '\n' ? "\r\n" : "\n";
    }

    private readonly record struct BodyRegion(TextSpan Span, string Indent, int FirstLine);
}
