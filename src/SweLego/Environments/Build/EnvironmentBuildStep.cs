namespace SweLego.Environments.Build;

/// <summary>One command of an environment build, with its exit code and (truncated) output.</summary>
public sealed record EnvironmentBuildStep(string Command, int ExitCode, string Output, TimeSpan Duration);
