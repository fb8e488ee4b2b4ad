namespace SweLego.Python.Tests.TestSupport;

/// <summary>
/// Corpus, fuzz and benchmark tests run alone: they saturate the cores and the GC, and the
/// fuzz test's one-second-per-case guard must not measure another test's load.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeavyTests
{
    public const string Name = "Heavy";
}
