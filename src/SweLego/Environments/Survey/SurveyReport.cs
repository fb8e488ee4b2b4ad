namespace SweLego.Environments.Survey;

/// <summary>A survey's rows, in the order the repositories and commits were given, and its success rate.</summary>
public sealed record SurveyReport(IReadOnlyList<SurveyRow> Rows)
{
    public int Succeeded => Rows.Count(r => r.Success);

    public int ByFallback => Rows.Count(r => r.Outcome == SurveyOutcome.BuiltByFallback);

    /// <summary>Successes over all rows (0 when there are none).</summary>
    public double SuccessRate => Rows.Count == 0 ? 0 : (double)Succeeded / Rows.Count;
}
