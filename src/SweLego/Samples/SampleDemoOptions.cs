namespace SweLego.Samples;

/// <summary>Settings of <see cref="SampleDemo"/>; <see cref="Validate"/> names the bad one as its CLI option.</summary>
public sealed record SampleDemoOptions
{
    /// <summary>Candidates validated at once in each stage. Default 2.</summary>
    public int Jobs { get; init; } = 2;

    /// <summary>Synthetic instances to make. Default 40.</summary>
    public int MaxSynthetic { get; init; } = 40;

    public void Validate()
    {
        if (Jobs < 1) throw new ArgumentException($"--jobs must be at least 1 (got {Jobs}).");
        if (MaxSynthetic < 1) throw new ArgumentException($"--max-synthetic must be at least 1 (got {MaxSynthetic}).");
    }
}
