namespace SweLego.Tests.Runs;

/// <summary>
/// The crash test times kills against a writer's progress; running it alone keeps other tests
/// from starving its polling on a two-core machine.
/// </summary>
[CollectionDefinition(nameof(CrashResumeTests), DisableParallelization = true)]
public sealed class CrashResumeRunsAlone
{
}
