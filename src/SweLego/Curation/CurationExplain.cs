using SweLego.Agent.Trajectories;
using SweLego.Rollouts;
using SweLego.Runs;

namespace SweLego.Curation;

/// <summary>
/// One trajectory with what curation decided about it, for <c>swelego curate explain</c>: the recorded turn decisions when
/// it was kept, the filter and reason when it was dropped (no decisions then), or neither when the run is not curated yet.
/// </summary>
public sealed record CurationExplain(Trajectory Trajectory, IReadOnlyList<TurnDecision>? Decisions, CandidateDecision? Dropped)
{
    /// <exception cref="RunDataException">No trajectory has that key in the run (names the key and the run).</exception>
    public static CurationExplain Find(RunFolder run, string key)
    {
        ArgumentNullException.ThrowIfNull(run);
        var history = CurationWork.Records().Read(run);
        var recorded = history.Results.FirstOrDefault(r => r.Key == key);
        string? path = recorded?.Summary?.Trajectory ?? recorded?.Dropped?.Trajectory
            ?? CurationInputs.Read(run).FirstOrDefault(c => c.Key == key)?.Trajectory
            ?? throw new RunDataException($"{run.DirectoryPath} has no trajectory {key} (ids are instance#rollout).");
        var trajectory = TrajectoryStore.Read(Path.Combine(run.DirectoryPath, path))
            ?? throw new RunDataException($"{path} (the trajectory of {key}) is missing.");
        return new CurationExplain(trajectory, recorded?.Summary?.Decisions, recorded?.Dropped);
    }
}
