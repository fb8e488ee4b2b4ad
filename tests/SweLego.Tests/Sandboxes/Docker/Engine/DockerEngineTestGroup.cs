namespace SweLego.Tests.Sandboxes.Docker.Engine;

/// <summary>Engine test classes share one fixture and run one after another (2-core machines).</summary>
[CollectionDefinition(Name)]
public sealed class DockerEngineTestGroup : ICollectionFixture<DockerEngineFixture>
{
    public const string Name = "Docker engine";
}
