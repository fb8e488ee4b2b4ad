namespace SweLego.Evaluation.Inputs;

/// <summary>The layout an input file was read in (recognised from its content, not its name).</summary>
public enum InputFormat
{
    /// <summary>One JSON object per line.</summary>
    Jsonl,

    /// <summary>A JSON array of objects.</summary>
    JsonArray,

    /// <summary>A JSON object keyed by instance id (sb-cli's predictions file).</summary>
    JsonDictionary,

    /// <summary>One Parquet file, or every Parquet file of a dataset folder.</summary>
    Parquet,
}
