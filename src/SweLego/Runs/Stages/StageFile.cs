namespace SweLego.Runs.Stages;

/// <summary>
/// One JSONL file of a stage's records (e.g. <c>instances.jsonl</c>): which results are written
/// there and how a record read back becomes a result again (<see cref="StageFile{TResult, TRecord}"/>).
/// </summary>
public abstract class StageFile<TResult>
{
    private protected StageFile(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
            throw new ArgumentException($"'{name}' must be a file name in the stage folder.", nameof(name));
        Name = name;
    }

    /// <summary>The file's name inside the stage folder.</summary>
    public string Name { get; }

    /// <summary>The results recorded in this file of <paramref name="stage"/>, in file order (a torn last line is not one).</summary>
    internal abstract IEnumerable<TResult> Read(RunFolder run, string stage);

    /// <summary>Opens the file for appending (one writer per file).</summary>
    internal abstract Writer Open(RunFolder run, string stage);

    /// <summary>Appends a result's record when it belongs to this file.</summary>
    internal sealed class Writer(Func<TResult, bool> tryAppend, IDisposable file) : IDisposable
    {
        public bool TryAppend(TResult result) => tryAppend(result);

        public void Dispose() => file.Dispose();
    }
}
