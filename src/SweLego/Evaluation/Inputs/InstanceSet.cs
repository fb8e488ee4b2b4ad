namespace SweLego.Evaluation.Inputs;

/// <summary>
/// What <see cref="InstanceFiles"/> read: the instances in file order (a duplicate id keeps its
/// first row), the rows it skipped and why, the layout, and the files read (one, or a dataset
/// folder's Parquet files in name order).
/// </summary>
public sealed class InstanceSet
{
    private readonly Dictionary<string, EvaluationInstance> byId;

    public InstanceSet(IReadOnlyList<EvaluationInstance> instances, IReadOnlyList<InputProblem> problems, InputFormat format, IReadOnlyList<string> files)
    {
        Instances = instances;
        Problems = problems;
        Format = format;
        Files = files;
        byId = instances.ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
    }

    public IReadOnlyList<EvaluationInstance> Instances { get; }

    public IReadOnlyList<InputProblem> Problems { get; }

    public InputFormat Format { get; }

    public IReadOnlyList<string> Files { get; }

    public EvaluationInstance? Find(string instanceId) => byId.GetValueOrDefault(instanceId);
}
