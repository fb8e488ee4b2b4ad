using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Curation;

/// <summary>
/// <c>kept.jsonl</c> as a stage file: whole <see cref="SftRecord"/>s are written, but read back (resume, reports) as
/// <see cref="KeptSummary"/> so a run of 18,000 conversations is never held in memory.
/// </summary>
internal sealed class KeptFile() : StageFile<CurationResult>(CurationStage.KeptFile)
{
    internal override IEnumerable<CurationResult> Read(RunFolder run, string stage)
    {
        string path = run.StagePath(stage, Name);
        return File.Exists(path)
            ? JsonlReader.Read<KeptSummary>(path, RunJson.Options).Select(s => new CurationResult(s.Key, null, s, null))
            : [];
    }

    internal override Writer Open(RunFolder run, string stage)
    {
        var writer = run.OpenJsonlWriter<SftRecord>(stage, Name);
        return new Writer(result =>
        {
            if (result.Kept is not { } record) return false;
            writer.Append(record);
            return true;
        }, writer);
    }
}
