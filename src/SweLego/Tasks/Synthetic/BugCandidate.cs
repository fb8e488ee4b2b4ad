namespace SweLego.Tasks.Synthetic;

/// <summary>
/// One proposed bug: <see cref="NewContent"/> replaces the file <see cref="File"/> (repository-relative,
/// '/' separators) and changes exactly one function, <see cref="Function"/> (its qualified name as
/// SweLego.Python names it). <see cref="Method"/> is the stable id of what made it
/// (<c>py.flip_comparison</c>, <c>llm.rewrite</c>) and <see cref="Description"/> says what changed,
/// for people (e.g. "&lt; → &gt;= in line 12"). The new content always parses.
/// </summary>
public sealed record BugCandidate(string Method, string File, string Function, string Description, byte[] NewContent);
