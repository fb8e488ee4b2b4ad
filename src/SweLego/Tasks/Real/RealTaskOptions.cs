namespace SweLego.Tasks.Real;

/// <summary>Settings of <see cref="RealTaskMiner"/> (the shared ones in <see cref="TaskMiningOptions"/>; <see cref="TaskMiningOptions.Runs"/> is per side of the fix).</summary>
public sealed record RealTaskOptions : TaskMiningOptions
{
    /// <summary>Only fixes committed at or after this time.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>JSONL of merged PRs with their text (see <see cref="CandidateDiscovery"/>).</summary>
    public string? PrsFile { get; init; }

    /// <summary>Run the whole suite instead of only the test files the test patch touches.</summary>
    public bool FullSuite { get; init; }

    public override void Validate()
    {
        base.Validate();
        if (PrsFile is not null && !File.Exists(PrsFile)) throw new ArgumentException($"PR file '{PrsFile}' does not exist.");
    }
}
