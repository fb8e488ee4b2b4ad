namespace SweLego.Evaluation.Inputs;

/// <summary>
/// One skipped item of an input file: where it is, the instance it names (when it names one)
/// and why. One bad item never stops the others; the caller lists and counts these.
/// </summary>
public sealed record InputProblem(InputOrigin Origin, InputProblemKind Kind, string? InstanceId, string Reason)
{
    public override string ToString() =>
        InstanceId is null ? $"{Origin}: {Reason}" : $"{Origin}: {InstanceId}: {Reason}";
}
