using SweLego.Runs;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// What earlier sessions of a synthetic run recorded: the instances and the rejections that are
/// final (an <see cref="SyntheticRejectionKind.Error"/> is tried again), and so the candidate ids done.
/// </summary>
internal sealed record SyntheticRunState(IReadOnlyList<TaskInstance> Instances, IReadOnlyList<SyntheticRejection> Rejections, IReadOnlySet<string> Done)
{
    public static SyntheticRunState Read(RunFolder run, string stage, string instancesFile, string rejectedFile)
    {
        string instancesPath = run.StagePath(stage, instancesFile), rejectedPath = run.StagePath(stage, rejectedFile);
        var instances = File.Exists(instancesPath) ? JsonlReader.Read<TaskInstance>(instancesPath, RunJson.Options).ToList() : [];
        var rejections = File.Exists(rejectedPath)
            ? JsonlReader.Read<SyntheticRejection>(rejectedPath, RunJson.Options).Where(r => r.Kind != SyntheticRejectionKind.Error).ToList() : [];
        var done = instances.Select(i => i.InstanceId).Concat(rejections.Select(r => r.CandidateId)).ToHashSet(StringComparer.Ordinal);
        return new SyntheticRunState(instances, rejections, done);
    }
}
