using SweLego.Runs;

namespace SweLego.Environments.Build;

/// <summary>
/// A built (or reused) environment: its virtualenv directory as the sandbox sees it (inside
/// <see cref="Image"/>, or where <see cref="HostDirectory"/> is mounted; activate with
/// <see cref="Activate"/>), the requirements it lacks, and
/// the steps that ran. A failed build
/// is an infrastructure failure with <see cref="Problem"/> naming the step.
/// </summary>
public sealed record EnvironmentBuildResult(
    bool Success, string Directory, string SpecHash, IReadOnlyList<string> UnmetRequirements, IReadOnlyList<EnvironmentBuildStep> Steps, string? Problem)
    : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    public bool Reused { get; init; }

    /// <summary>How the project was installed: pip, or the source install when pip could not build it.</summary>
    public EnvironmentInstall Install { get; init; } = EnvironmentInstall.Pip;

    /// <summary>The host folder of a local environment (mounted at <see cref="Directory"/>); null for an image. Not stored: the folder may move.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? HostDirectory { get; init; }

    /// <summary>The Docker image holding the environment; null for a local (host folder) environment.</summary>
    public string? Image { get; init; }

    /// <summary>The disk-budget cleanup that followed a Docker build; null when no budget was set.</summary>
    public ImagePruneResult? ImagePrune { get; init; }

    /// <summary>The failed step's command and the end of its output (pip's error is there), for messages; empty after a success.</summary>
    public string FailureReport(int lines = 40)
    {
        if (Success || Steps.Count == 0) return "";
        var step = Steps[^1];
        var output = step.Output.TrimEnd().Split('\n');
        string tail = string.Join('\n', output.Skip(Math.Max(0, output.Length - lines)));
        return $"Output of the failed step{(output.Length > lines ? $" (last {lines} of {output.Length} lines)" : "")}:\n{tail}";
    }

    /// <summary>Every step's command and whole output, for the build log file.</summary>
    public string FullLog() => string.Join("\n", Steps.Select(s => $"$ {s.Command}\n(exit {s.ExitCode}, {s.Duration.TotalSeconds:F1} s)\n{s.Output}"));

    /// <summary>Shell command that puts the environment first on PATH.</summary>
    public string Activate => $". {Sandboxes.BashQuoting.Quote(Directory + "/bin/activate")}";
}
