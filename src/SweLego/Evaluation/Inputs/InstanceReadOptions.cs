namespace SweLego.Evaluation.Inputs;

/// <summary>How <see cref="InstanceFiles"/> reads a file or dataset folder.</summary>
public sealed record InstanceReadOptions
{
    /// <summary>
    /// For a dataset folder holding several splits (<c>data/train-*.parquet</c>, <c>data/test-*.parquet</c>):
    /// read only the files of this split — named <c>&lt;split&gt;-*.parquet</c> or <c>&lt;split&gt;.parquet</c>,
    /// or under a folder named after it. Null reads every Parquet file.
    /// </summary>
    public string? Split { get; init; }

    /// <summary>
    /// The <see cref="EvaluationInstance.Source"/> of instances that are not ours. Null: the dataset
    /// folder's name (for <c>X/data/test-00000-of-00001.parquet</c>, <c>X</c>), else the file name without extension.
    /// </summary>
    public string? DatasetName { get; init; }
}
