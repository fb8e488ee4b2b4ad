namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>One row of GET /containers/json; <see cref="State"/> is e.g. "running" or "exited".</summary>
public sealed record ContainerSummary(
    string Id, IReadOnlyList<string> Names, string Image, string State, IReadOnlyDictionary<string, string> Labels);
