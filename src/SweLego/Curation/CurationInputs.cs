using SweLego.Curation.Import;
using SweLego.Evaluation;
using SweLego.Rollouts;
using SweLego.Runs;

namespace SweLego.Curation;

/// <summary>
/// The trajectories of a run that curation considers, in a stable order (instance, then rollout): the rollout stage's
/// (labelled by the run's evaluation: resolved, unresolved or empty patch; a harness error leaves it unlabelled) and
/// <c>swelego import</c>'s (labelled by the importing tool's files, else by the run's evaluation of the same key).
/// </summary>
public static class CurationInputs
{
    public const string ImportStage = "import";
    public const string ImportedFile = "imported.jsonl";

    public static IReadOnlyList<CurationCandidate> Read(RunFolder run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var evaluations = new Dictionary<string, EvaluationRecord>(StringComparer.Ordinal);
        if (File.Exists(run.StagePath(EvaluationStage.Stage, EvaluationStage.ResultsFile)))
        {
            foreach (var record in EvaluationWork.Records(EvaluationStage.Stage).Read(run).Results) evaluations[record.Key] = record;
        }

        var candidates = new List<CurationCandidate>();
        if (File.Exists(run.StagePath(RolloutStage.Stage, RolloutStage.RolloutsFile)))
        {
            foreach (var rollout in RolloutWork.Records(RolloutStage.Stage).Read(run).Results)
            {
                if (rollout.Trajectory is null) continue;
                var evaluation = evaluations.GetValueOrDefault(rollout.Key);
                candidates.Add(new CurationCandidate
                {
                    InstanceId = rollout.InstanceId,
                    RolloutId = rollout.RolloutId,
                    Origin = "rollout",
                    Model = rollout.ModelNameOrPath,
                    Trajectory = rollout.Trajectory,
                    Patch = rollout.ModelPatch,
                    Resolved = Label(evaluation),
                    LabelSource = Label(evaluation) is null ? null : $"swelego eval (harness {evaluation!.Harness})",
                    Source = evaluation?.Source,
                });
            }
        }

        string imported = run.StagePath(ImportStage, ImportedFile);
        if (File.Exists(imported))
        {
            foreach (var record in JsonlReader.Read<ImportedRecord>(imported, RunJson.Options))
            {
                var evaluation = record.Resolved is null ? evaluations.GetValueOrDefault(record.Key) : null;
                candidates.Add(new CurationCandidate
                {
                    InstanceId = record.InstanceId,
                    RolloutId = record.RolloutId,
                    Origin = $"import:{record.Format}",
                    Model = record.ModelNameOrPath,
                    Trajectory = record.Trajectory,
                    Patch = record.ModelPatch,
                    Resolved = record.Resolved ?? Label(evaluation),
                    LabelSource = record.Resolved is not null ? record.LabelSource ?? record.Format
                        : Label(evaluation) is null ? null : $"swelego eval (harness {evaluation!.Harness})",
                    Source = evaluation?.Source ?? $"import:{record.Format}",
                });
            }
        }

        if (candidates.Count == 0)
            throw new RunDataException(
                $"{run.DirectoryPath} has no trajectories to curate: run `swelego rollout … --run {run.DirectoryPath}` (and `swelego eval`), or `swelego import FORMAT PATH --run {run.DirectoryPath}` first.");
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (candidates.FirstOrDefault(c => !keys.Add(c.Key)) is { } twice)
            throw new RunDataException($"{run.DirectoryPath}: the trajectory key {twice.Key} is both a rollout and an import; re-import with other rollout ids.");
        return [.. candidates.OrderBy(c => c.InstanceId, StringComparer.Ordinal).ThenBy(c => c.RolloutId, StringComparer.Ordinal)];
    }

    private static bool? Label(EvaluationRecord? record) => record?.Verdict switch
    {
        EvaluationVerdict.Resolved => true,
        EvaluationVerdict.Unresolved or EvaluationVerdict.EmptyPatch => false,
        _ => null,
    };
}
