namespace SweLego.Tasks.Harness;

/// <summary>A classified test run with its complete log and how long it took.</summary>
public sealed record TestRunResult(TestRunOutcome Outcome, string Log, TimeSpan Duration);
