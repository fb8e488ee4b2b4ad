namespace SweLego.Evaluation;

/// <summary>What <see cref="TaskValidation"/> found: a verdict per instance, and the evaluation that graded them.</summary>
public sealed record TaskValidationSummary(IReadOnlyList<TaskValidationVerdict> Verdicts, EvaluationSummary Evaluation, string VerdictsPath)
{
    public bool AllHold => Verdicts.All(v => v.Holds);
}
