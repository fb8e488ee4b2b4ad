namespace SweLego.Environments.Survey;

/// <summary>What happened to one repository commit: built by pip, built by the source install, or failed (build or tests).</summary>
public enum SurveyOutcome
{
    Built,
    BuiltByFallback,
    Failed,
}
