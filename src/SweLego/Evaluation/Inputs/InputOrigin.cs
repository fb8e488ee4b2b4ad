namespace SweLego.Evaluation.Inputs;

/// <summary>
/// Where an instance or a prediction was read: <c>file:line</c> for JSON and JSONL (the line
/// the item starts on, 1-based) or <c>file#row</c> for Parquet (the row within the file,
/// 0-based as the Hugging Face viewer and pandas count). Problems name it so a user can open
/// the file at the right place.
/// </summary>
public readonly record struct InputOrigin(string File, int? Line = null, long? Row = null)
{
    public override string ToString() =>
        Line is { } line ? $"{File}:{line}" : Row is { } row ? $"{File}#{row}" : File;
}
