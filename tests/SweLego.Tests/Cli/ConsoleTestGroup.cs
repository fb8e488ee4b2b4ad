namespace SweLego.Tests.Cli;

/// <summary>Tests that redirect the process-wide Console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleTestGroup
{
    public const string Name = "console";
}
