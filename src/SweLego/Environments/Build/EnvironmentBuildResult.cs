using SweLego.Runs;

namespace SweLego.Environments.Build;

/// <summary>
/// A built (or reused) environment: its directory (a virtualenv; activate with
/// <see cref="Activate"/>), the requirements it lacks, and the steps that ran. A failed build
/// is an infrastructure failure with <see cref="Problem"/> naming the step.
/// </summary>
public sealed record EnvironmentBuildResult(
    bool Success, string Directory, string SpecHash, IReadOnlyList<string> UnmetRequirements, IReadOnlyList<EnvironmentBuildStep> Steps, string? Problem)
    : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public bool Reused { get; init; }

    /// <summary>Shell command that puts the environment first on PATH.</summary>
    public string Activate => $". {Sandboxes.Shell.ShellScripts.Quote(Directory + "/bin/activate")}";
}
