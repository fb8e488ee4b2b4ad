namespace SweLego.Evaluation.Inputs;

/// <summary>
/// A whole input file cannot be read: it does not exist, is not in a known format, or is broken
/// beyond one item (a JSON array that does not parse, a Parquet file without a footer). Problems
/// of single items are <see cref="InputProblem"/> values instead.
/// </summary>
public sealed class InputFileException : Exception
{
    public InputFileException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        Path = path;
    }

    public string Path { get; }
}
