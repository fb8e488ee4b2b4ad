using SweLego.Runs;

namespace SweLego.Tasks;

/// <summary>
/// What the stages of one run share, once per run: the repository mirrors
/// (<c>RUN/repositories/&lt;owner__name&gt;.git</c>) and the environments (<c>RUN/environments/</c>).
/// Records name them relative to the run folder, so the folder can move.
/// </summary>
public static class RunResources
{
    public const string RepositoriesFolderName = "repositories";
    public const string EnvironmentsFolderName = "environments";

    public static string EnvironmentsFolder(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Path.Combine(run.DirectoryPath, EnvironmentsFolderName);
    }

    /// <summary>The run's mirror of <paramref name="repository"/>, created or brought up to date (one stage at a time).</summary>
    public static Task<RepositoryMirror> MirrorAsync(RunFolder run, string repository, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        return RepositoryMirror.CreateOrUpdateInAsync(repository, Path.Combine(run.DirectoryPath, RepositoriesFolderName), cancellationToken);
    }
}
