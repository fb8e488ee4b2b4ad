namespace SweLego.Curation.Import;

/// <summary>
/// Reads one tool's trajectory files and converts each record to our trajectory shape. A record that cannot be read or
/// converted is an <see cref="ImportItem"/> with a <see cref="ImportItem.Problem"/>, never an exception: one bad record
/// must not stop the others. Only a path that cannot be read at all (missing, not a known layout) throws.
/// </summary>
public interface ITrajectoryImporter
{
    /// <summary>The name given on the command line (<c>openhands</c>, <c>swe-agent</c>, …).</summary>
    string Format { get; }

    /// <summary>One line for <c>--help</c>: what the format is and where the tool writes it.</summary>
    string Description { get; }

    IAsyncEnumerable<ImportItem> ReadAsync(string path, CancellationToken cancellationToken);
}

/// <summary>One record read: the converted trajectory, or where it is and why it was skipped.</summary>
/// <param name="Origin"><c>path:line</c>, <c>path#row</c> or the file's path.</param>
public sealed record ImportItem(string Origin, string? InstanceId, SourceTrajectory? Trajectory, string? Problem)
{
    public static ImportItem Converted(string origin, SourceTrajectory trajectory) => new(origin, trajectory.InstanceId, trajectory, null);

    public static ImportItem Skipped(string origin, string? instanceId, string reason) => new(origin, instanceId, null, reason);
}
