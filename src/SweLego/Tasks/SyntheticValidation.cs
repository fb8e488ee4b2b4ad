namespace SweLego.Tasks;

/// <summary>
/// Extra, synthetic tasks: how FAIL_TO_PASS / PASS_TO_PASS were found. <see cref="Mode"/> is
/// <see cref="CoveringOnly"/> (fast: only the tests that execute the bug's function ran, every
/// other test's status is the clean baseline's), <see cref="CoveringFirst"/> (the covering tests,
/// then the rest of the suite in the same run: exact) or <see cref="WholeSuite"/> (no coverage).
/// <see cref="Audit"/> is set when a fast-mode instance was sampled for the full-suite audit.
/// </summary>
public sealed record SyntheticValidation(string Mode, SyntheticAudit? Audit = null)
{
    public const string CoveringOnly = "covering-only";
    public const string CoveringFirst = "covering-first";
    public const string WholeSuite = "whole-suite";
}

/// <summary>
/// A fast-mode instance checked against the whole suite run with the same bug. <see cref="Differences"/>
/// names each test whose list differs (<c>test: fast P2P, full F2P</c>); the instance then holds the
/// whole suite's (exact) lists. <see cref="Problem"/>: the audit run could not be graded, so nothing was compared.
/// </summary>
public sealed record SyntheticAudit(IReadOnlyList<string> Differences, string? Problem = null)
{
    public bool Compared => Problem is null;

    public bool Differs => Compared && Differences.Count > 0;
}
