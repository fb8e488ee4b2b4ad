namespace SweLego.Evaluation.Inputs;

/// <summary>
/// What <see cref="PredictionFiles"/> read: the predictions in file order, and the items it skipped
/// (malformed or duplicate, each naming its line) with their counts.
/// </summary>
public sealed record PredictionSet(string File, InputFormat Format, IReadOnlyList<Prediction> Predictions, IReadOnlyList<InputProblem> Problems)
{
    public int MalformedCount => Problems.Count(p => p.Kind != InputProblemKind.Duplicate);

    public int DuplicateCount => Problems.Count(p => p.Kind == InputProblemKind.Duplicate);
}
