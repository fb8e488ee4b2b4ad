using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace SweLego.Environments.Toml;

/// <summary>
/// The outcome of <see cref="TomlReader.TryParse"/>: the document, or the diagnostics that explain
/// why there is none. TOML has no error recovery worth trusting, so a failure holds one diagnostic.
/// </summary>
public sealed record TomlParseResult(TomlDocument? Document, ImmutableArray<TomlDiagnostic> Diagnostics)
{
    [MemberNotNullWhen(true, nameof(Document))]
    public bool Succeeded => Document is not null;
}
