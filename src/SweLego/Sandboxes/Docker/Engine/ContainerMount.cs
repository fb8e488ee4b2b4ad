namespace SweLego.Sandboxes.Docker.Engine;

/// <summary>One mount of an inspected container. <see cref="Name"/> is set for volumes only.</summary>
public sealed record ContainerMount(string Type, string? Name, string Source, string Destination, bool ReadWrite);
