using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Harness;

namespace SweLego.Evaluation;

/// <summary>What <c>swelego eval</c> grades and how; defaults follow the SWE-bench harness.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The instances: our JSONL, SWE-bench JSON/JSONL, or Parquet (a file or a dataset folder).</summary>
    public required string InstancesPath { get; init; }

    /// <summary>The predictions: JSONL, a JSON list, or sb-cli's dict keyed by instance id.</summary>
    public required string PredictionsPath { get; init; }

    /// <summary>Predictions evaluated at once (each in its own sandbox).</summary>
    public int Jobs { get; init; } = 1;

    /// <summary>The limit of one eval script run; the harness's default is 1,800 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>Whose grading rules apply; 5.0.2 (the current release) by default.</summary>
    public HarnessVersion Harness { get; init; } = HarnessVersions.Default;

    /// <summary>Regrade every prediction from its saved test_output.txt without running anything.</summary>
    public bool Rerun { get; init; }

    /// <summary>
    /// Leave rollouts the hack audit flagged out of the resolve rate (<c>--hack-free</c>): the audit of the run folder
    /// holding the predictions file (else of the evaluation's run) must exist (<c>swelego audit RUN</c>).
    /// </summary>
    public bool HackFree { get; init; }

    /// <summary>The Docker daemon for image-based instances and docker environments.</summary>
    public DockerBackendOptions Docker { get; init; } = new();

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrEmpty(InstancesPath);
        ArgumentException.ThrowIfNullOrEmpty(PredictionsPath);
        if (Jobs is < 1 or > 256) throw new ArgumentOutOfRangeException(nameof(Jobs), Jobs, "Jobs must be 1 to 256.");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "Timeout must be positive.");
    }
}
