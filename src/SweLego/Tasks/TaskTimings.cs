namespace SweLego.Tasks;

/// <summary>
/// Seconds spent validating one candidate. <see cref="Tests"/> is the test commands alone
/// (all runs, before and after); <see cref="Total"/> is wall time from start to record,
/// including waiting for a shared environment build (<see cref="Environment"/>).
/// </summary>
public sealed record TaskTimings(double Environment, double Before, double After, double Tests, double Total);
