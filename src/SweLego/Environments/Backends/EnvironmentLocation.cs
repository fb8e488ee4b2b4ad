namespace SweLego.Environments.Backends;

/// <summary>
/// Where a built environment is: its venv as the sandbox sees it, and either the image that holds
/// it (docker) or the host folder mounted there (bwrap).
/// </summary>
public sealed record EnvironmentLocation(string Venv, string? Image, string? HostFolder);
