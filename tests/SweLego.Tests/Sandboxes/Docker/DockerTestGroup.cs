namespace SweLego.Tests.Sandboxes.Docker;

/// <summary>Docker test classes that share one client and run one after another (2-core machines).</summary>
[CollectionDefinition(Name)]
public sealed class DockerTestGroup : ICollectionFixture<DockerFixture>
{
    public const string Name = "Docker";
}
