namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>GET /exec/{id}/json. <see cref="ExitCode"/> is null until the process has exited.</summary>
public sealed record ExecInfo(string Id, string ContainerId, bool Running, int? ExitCode, int Pid);
