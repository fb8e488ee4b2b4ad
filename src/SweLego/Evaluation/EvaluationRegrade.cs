using SweLego.Runs;
using SweLego.Runs.Stages;

namespace SweLego.Evaluation;

/// <summary>
/// <c>swelego eval --rerun</c>: every recorded prediction graded again from the test_output.txt it
/// left, under the harness version asked for; nothing runs. results.jsonl is replaced in one atomic
/// write, in its order, so a crash leaves either the old or the new file.
/// </summary>
internal static class EvaluationRegrade
{
    public static void Run(RunFolder run, StageJournal<EvaluationRecord> journal, InstanceEvaluator evaluator, EvaluationInputs inputs, IProgress<StageProgress>? progress)
    {
        var earlier = journal.Read(run).Results.ToList();
        var regraded = new List<EvaluationRecord>(earlier.Count);
        foreach (var record in earlier)
        {
            progress?.Report(new StageProgress(journal.Stage, earlier.Count, regraded.Count, 0, new Dictionary<string, int>(), record.Key) { Phase = "regrading" });
            regraded.Add(inputs.Find(record.Key) is { } pair ? evaluator.Regrade(pair, record) : record);
        }

        AtomicFile.WriteJsonl(run.StagePath(journal.Stage, EvaluationStage.ResultsFile), regraded);
    }
}
