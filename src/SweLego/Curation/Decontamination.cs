using SweLego.Evaluation.Inputs;

namespace SweLego.Curation;

/// <summary>
/// Evaluation sets whose tasks must not leak into training data (<c>--decontaminate FILE</c>, e.g. SWE-bench Verified as
/// Parquet or JSONL, any format <see cref="InstanceFiles"/> reads): a trajectory is left out when its repository
/// (compared case-insensitively) or its instance id appears in one. Repository matches are the strict rule: the
/// same repository at another commit still teaches the model its code and tests.
/// </summary>
public sealed class Decontamination
{
    private readonly List<(string Name, HashSet<string> Repos, HashSet<string> Ids)> sets;

    private Decontamination(List<(string Name, HashSet<string> Repos, HashSet<string> Ids)> sets) => this.sets = sets;

    public static Decontamination None { get; } = new([]);

    /// <summary>Per set: its name, repositories and instances (for settings and the card).</summary>
    public IReadOnlyList<string> Describe() => [.. sets.Select(s => $"{s.Name} ({s.Repos.Count} repositories, {s.Ids.Count} instances)")];

    /// <exception cref="ArgumentException">A file cannot be read (names it and why).</exception>
    public static async Task<Decontamination> ReadAsync(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var sets = new List<(string, HashSet<string>, HashSet<string>)>();
        foreach (string file in files)
        {
            InstanceSet set;
            try { set = await InstanceFiles.ReadAsync(file, cancellationToken); }
            catch (Exception e) when (e is InputFileException or IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException($"--decontaminate {file}: {e.Message}", e);
            }

            var repos = set.Instances.Select(i => i.Repo).Where(r => r.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var ids = set.Instances.Select(i => i.InstanceId)
                .Concat(set.Problems.Select(p => p.InstanceId).OfType<string>()).ToHashSet(StringComparer.Ordinal);
            if (repos.Count == 0 && ids.Count == 0) throw new ArgumentException($"--decontaminate {file}: no instances found in it.");
            sets.Add((Path.GetFileName(file.TrimEnd('/')), repos, ids));
        }

        return new Decontamination(sets);
    }

    /// <summary>The first set that contains the instance or its repository, or null.</summary>
    public DecontaminationEntry? Match(string instanceId, string rolloutId, string repo)
    {
        foreach (var (name, repos, ids) in sets)
        {
            if (ids.Contains(instanceId)) return new DecontaminationEntry(instanceId, rolloutId, repo, "instance_id", name);
            if (repo.Length > 0 && repos.Contains(repo)) return new DecontaminationEntry(instanceId, rolloutId, repo, "repo", name);
        }

        return null;
    }
}
