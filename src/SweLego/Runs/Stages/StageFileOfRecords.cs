namespace SweLego.Runs.Stages;

/// <summary>
/// A stage file of <typeparamref name="TRecord"/> lines: <c>select</c> gives the record of a result
/// that belongs here (null when it belongs to another file), <c>wrap</c> turns a record read back into its result.
/// </summary>
public sealed class StageFile<TResult, TRecord>(string name, Func<TResult, TRecord?> select, Func<TRecord, TResult> wrap) : StageFile<TResult>(name)
    where TRecord : class, IVersionedRecord
{
    private readonly Func<TResult, TRecord?> select = select ?? throw new ArgumentNullException(nameof(select));
    private readonly Func<TRecord, TResult> wrap = wrap ?? throw new ArgumentNullException(nameof(wrap));

    internal override IEnumerable<TResult> Read(RunFolder run, string stage)
    {
        string path = run.StagePath(stage, Name);
        return File.Exists(path) ? JsonlReader.Read<TRecord>(path, RunJson.Options).Select(wrap) : [];
    }

    internal override Writer Open(RunFolder run, string stage)
    {
        var writer = run.OpenJsonlWriter<TRecord>(stage, Name);
        return new Writer(result =>
        {
            if (select(result) is not { } record) return false;
            writer.Append(record);
            return true;
        }, writer);
    }
}
