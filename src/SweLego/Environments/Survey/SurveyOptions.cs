using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;

namespace SweLego.Environments.Survey;

/// <summary>How <see cref="EnvironmentSurvey"/> builds and tests each repository.</summary>
public sealed record SurveyOptions
{
    /// <summary>No package index: builds as <c>env build --offline</c> (system packages, source install fallback).</summary>
    public bool Offline { get; init; }

    /// <summary>Commits per repository, spread evenly over its first-parent history, newest (HEAD) included; 1 = HEAD only.</summary>
    public int History { get; init; } = 1;

    /// <summary>Repository commits surveyed at once.</summary>
    public int Jobs { get; init; } = 1;

    public string Backend { get; init; } = SandboxBackends.Bwrap;

    public DockerBackendOptions? Docker { get; init; }

    /// <summary>Folder of bwrap environments (one venv per spec hash, reused).</summary>
    public required string EnvironmentsRoot { get; init; }

    /// <summary>Time limit of the one test run per commit.</summary>
    public TimeSpan TestTimeout { get; init; } = TimeSpan.FromMinutes(10);

    public void Validate()
    {
        if (History < 1) throw new ArgumentException("--history must be at least 1.");
        if (Jobs < 1) throw new ArgumentException("--jobs must be at least 1.");
        if (TestTimeout <= TimeSpan.Zero) throw new ArgumentException("The test timeout must be positive.");
    }
}
