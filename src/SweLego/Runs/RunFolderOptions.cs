namespace SweLego.Runs;

/// <summary>Options for creating or opening a <see cref="RunFolder"/>.</summary>
public sealed class RunFolderOptions
{
    /// <summary>Clock for the run id and manifest timestamps. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of the run id's random suffix. Default <see cref="System.Random.Shared"/>.</summary>
    public Random? Random { get; init; }

    /// <summary>Recorded in a new manifest. Default: this assembly's informational version.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>Recorded in a new manifest. Default: <see cref="Environment.GetCommandLineArgs"/>.</summary>
    public IReadOnlyList<string>? CommandLine { get; init; }
}
