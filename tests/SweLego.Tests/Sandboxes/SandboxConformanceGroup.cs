namespace SweLego.Tests.Sandboxes;

/// <summary>
/// The conformance suites run alone, after the parallel tests: they measure process-wide
/// allocations (bounded memory for huge output) and time limits, which other tests' work
/// would distort.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SandboxConformanceGroup
{
    public const string Name = "sandbox-conformance";
}
