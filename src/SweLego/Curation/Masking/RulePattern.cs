using System.Text.RegularExpressions;

namespace SweLego.Curation.Masking;

/// <summary>
/// A pattern of a masking rule, compiled once: .NET syntax, run by the non-backtracking engine (linear
/// time, so no pattern from a user's file can hang curation of thousands of trajectories) in multiline
/// mode. A group named <c>evidence</c> picks what a decision records; otherwise the line of the match does.
/// Instances are immutable and safe to share between threads.
/// </summary>
public sealed class RulePattern
{
    /// <summary>Evidence longer than this is cut (decisions are kept for every turn of every trajectory).</summary>
    public const int MaxEvidence = 160;

    private const string EvidenceGroup = "evidence";

    private readonly Regex _regex;
    private readonly int _evidenceGroup;

    private RulePattern(string source, Regex regex)
    {
        Source = source;
        _regex = regex;
        _evidenceGroup = regex.GroupNumberFromName(EvidenceGroup);
    }

    /// <summary>The pattern as written (what <c>--dump</c> writes back and the content hash covers).</summary>
    public string Source { get; }

    /// <summary>Compiles <paramref name="source"/>; <see cref="ArgumentException"/> for bad syntax, <see cref="NotSupportedException"/> for lookarounds and backreferences.</summary>
    public static RulePattern Compile(string source) =>
        new(source, new Regex(source, RegexOptions.Multiline | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));

    public bool IsMatch(string text) => _regex.IsMatch(text);

    /// <summary>
    /// The evidence of the first match, or null when there is none: the <c>evidence</c> group, or else the whole
    /// line the match starts on (so a pattern can begin with its rare literal, which the engine finds fast,
    /// and still record the line), cut to <see cref="MaxEvidence"/>.
    /// </summary>
    public string? Find(string text)
    {
        var match = _regex.Match(text);
        if (!match.Success) return null;
        if (_evidenceGroup >= 0 && match.Groups[_evidenceGroup].Success) return Evidence(match.Groups[_evidenceGroup].Value);
        int start = match.Index == 0 ? 0 : text.LastIndexOf('\n', match.Index - 1) + 1;
        int end = text.IndexOf('\n', match.Index);
        return Evidence(text[start..(end < 0 ? text.Length : end)]);
    }

    /// <summary>A piece of text as evidence: its first non-blank line, trimmed and cut to <see cref="MaxEvidence"/> characters.</summary>
    public static string Evidence(string text)
    {
        string line = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
        return line.Length <= MaxEvidence ? line : line[..(MaxEvidence - 1)] + "…";
    }

    public override string ToString() => Source;
}
