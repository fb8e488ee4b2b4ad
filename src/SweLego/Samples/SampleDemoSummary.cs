using SweLego.Tasks.Real;
using SweLego.Tasks.Synthetic;

namespace SweLego.Samples;

/// <summary>What <see cref="SampleDemo.RunAsync"/> did: the sample repository it mined and each stage's summary.</summary>
public sealed record SampleDemoSummary(string Repository, RealTaskSummary Real, SyntheticTaskSummary Synthetic);
