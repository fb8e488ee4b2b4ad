namespace SweLego.Tasks.Harness;

/// <summary>The built-in log parsers by their stable names (the names tasks and reports record).</summary>
public static class TestLogParsers
{
    private static readonly ITestLogParser[] BuiltIn =
    [
        new PytestLogParser(),
        new PytestV2LogParser(),
        new PytestOptionsLogParser(),
        new PytestNodeIdLogParser(),
        new DjangoLogParser(),
        new UnittestLogParser(),
        new SympyLogParser(),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. BuiltIn.Select(p => p.Name)];

    public static ITestLogParser Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, out var parser)
            ? parser
            : throw new ArgumentException(
                $"unknown test log parser '{name}'; known parsers: {string.Join(", ", Names)}", nameof(name));
    }

    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ITestLogParser? parser)
    {
        parser = BuiltIn.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return parser is not null;
    }
}
