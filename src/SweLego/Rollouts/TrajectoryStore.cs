using System.Text.Json;
using SweLego.Agent.Trajectories;
using SweLego.Runs;

namespace SweLego.Rollouts;

/// <summary>
/// Where a run's trajectories live: <c>RUN/rollout/trajectories/&lt;instance&gt;/&lt;rollout&gt;.json</c>, each replaced
/// atomically (so a reader or a crash sees one whole step's state).
/// </summary>
public sealed class TrajectoryStore(RunFolder run, string stage)
{
    public const string Folder = "trajectories";

    /// <summary>The file of one rollout; ids are made file-safe ('/' and other unsafe characters become '_').</summary>
    public string PathOf(string instanceId, string rolloutId) =>
        Path.Combine(run.StagePath(stage, Folder), Safe(instanceId), Safe(rolloutId) + ".json");

    /// <summary>
    /// Replaces the rollout's file with <paramref name="writer"/>'s serialization (the rollout's own writer, which keeps the
    /// steps already written). Steps are saved atomically but not flushed to disk (<see cref="AtomicFile.Replace"/>: two disk
    /// flushes would cost more than a step); the final save of an episode (<paramref name="durable"/>) is flushed.
    /// </summary>
    public void Save(Trajectory trajectory, TrajectoryWriter writer, bool durable)
    {
        ArgumentNullException.ThrowIfNull(trajectory);
        ArgumentNullException.ThrowIfNull(writer);
        string path = PathOf(trajectory.InstanceId, trajectory.RolloutId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        byte[] bytes = writer.Serialize(trajectory);
        if (durable) AtomicFile.WriteAllBytes(path, bytes);
        else AtomicFile.Replace(path, bytes);
    }

    /// <summary>The saved trajectory, or null when there is none.</summary>
    /// <exception cref="RunDataException">The file is not a trajectory this version reads (names the file).</exception>
    public Trajectory? Load(string instanceId, string rolloutId) => Read(PathOf(instanceId, rolloutId));

    /// <summary>Reads a trajectory file; null when it does not exist.</summary>
    public static Trajectory? Read(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var trajectory = JsonSerializer.Deserialize<Trajectory>(File.ReadAllBytes(path), RunJson.Options)
                ?? throw new RunDataException($"{path}: not a trajectory (null)");
            if (trajectory.V != Trajectory.FormatVersion)
                throw new RunDataException($"{path}: trajectory format v{trajectory.V}; this SweLego reads v{Trajectory.FormatVersion}");
            return trajectory;
        }
        catch (JsonException e)
        {
            throw new RunDataException($"{path}: not a readable trajectory ({e.Message})");
        }
    }

    public void Delete(string instanceId, string rolloutId)
    {
        string path = PathOf(instanceId, rolloutId);
        if (File.Exists(path)) File.Delete(path);
    }

    private static string Safe(string id)
    {
        var chars = id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray();
        string safe = new(chars);
        return safe is "" or "." or ".." ? "_" + safe : safe;
    }
}
