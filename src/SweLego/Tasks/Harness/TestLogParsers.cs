using System.Diagnostics.CodeAnalysis;

namespace SweLego.Tasks.Harness;

/// <summary>
/// The built-in log parsers by their stable names (the names tasks and reports record), per
/// harness version: the harness's parsers change between releases, SweLego's own do not.
/// </summary>
/// <remarks>
/// Harness parsers: `pytest`, `pytest_v2`, `pytest_options`, `django`, `sympy`, `matplotlib`,
/// `seaborn`; 5.0.2 instances name them `parse_log_pytest` etc. and per repository
/// (`parse_log_astropy` is pytest_v2), which are accepted too. SweLego's: `pytest_nodeid`,
/// `unittest` and `django_strict`, for tasks we create.
/// </remarks>
public static class TestLogParsers
{
    private static readonly string[] HarnessNames =
        [PytestLogParser.ParserName, PytestV2LogParser.ParserName, PytestOptionsLogParser.ParserName, DjangoLogParser.ParserName,
         SympyLogParser.ParserName, MatplotlibLogParser.ParserName, SeabornLogParser.ParserName];

    private static readonly string[] OwnNames = [PytestNodeIdLogParser.ParserName, UnittestLogParser.ParserName, DjangoStrictLogParser.ParserName];

    // The harness's per-repository aliases (log_parsers/python.py), identical in 4.0.4 and 5.0.2.
    private static readonly Dictionary<string, string> RepositoryAliases = new(StringComparer.Ordinal)
    {
        ["astroid"] = PytestLogParser.ParserName,
        ["flask"] = PytestLogParser.ParserName,
        ["marshmallow"] = PytestLogParser.ParserName,
        ["pvlib"] = PytestLogParser.ParserName,
        ["pyvista"] = PytestLogParser.ParserName,
        ["sqlfluff"] = PytestLogParser.ParserName,
        ["xarray"] = PytestLogParser.ParserName,
        ["pydicom"] = PytestOptionsLogParser.ParserName,
        ["requests"] = PytestOptionsLogParser.ParserName,
        ["pylint"] = PytestOptionsLogParser.ParserName,
        ["astropy"] = PytestV2LogParser.ParserName,
        ["scikit"] = PytestV2LogParser.ParserName,
        ["sphinx"] = PytestV2LogParser.ParserName,
    };

    private static readonly Dictionary<(string, HarnessVersion), ITestLogParser> Parsers = Build();

    /// <summary>Our names, harness ones first; `parse_log_*` aliases are accepted but not listed.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. HarnessNames, .. OwnNames];

    /// <summary>The parser called <paramref name="name"/> as harness <paramref name="version"/> runs it.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static ITestLogParser Get(string name, HarnessVersion version = HarnessVersions.Default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryGet(name, version, out var parser)
            ? parser
            : throw new ArgumentException(
                $"unknown test log parser '{name}'; known parsers: {string.Join(", ", Names)} "
                + "(and the harness's parse_log_<name> / parse_log_<repository> spellings)", nameof(name));
    }

    public static bool TryGet(string name, HarnessVersion version, [NotNullWhen(true)] out ITestLogParser? parser) =>
        Parsers.TryGetValue((Canonical(name), version), out parser);

    public static bool TryGet(string name, [NotNullWhen(true)] out ITestLogParser? parser) =>
        TryGet(name, HarnessVersions.Default, out parser);

    /// <summary>`parse_log_astropy` → `pytest_v2`, `parse_log_django` → `django`; other names unchanged.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        const string prefix = "parse_log_";
        if (!name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return name;
        }
        var rest = name[prefix.Length..];
        return RepositoryAliases.TryGetValue(rest, out var alias) ? alias : HarnessNames.Contains(rest) ? rest : name;
    }

    private static Dictionary<(string, HarnessVersion), ITestLogParser> Build()
    {
        var parsers = new Dictionary<(string, HarnessVersion), ITestLogParser>();
        foreach (var version in Enum.GetValues<HarnessVersion>())
        {
            foreach (var parser in (ITestLogParser[])
                     [
                         new PytestLogParser(version), new PytestV2LogParser(version), new PytestOptionsLogParser(version),
                         new DjangoLogParser(), new SympyLogParser(), new MatplotlibLogParser(version), new SeabornLogParser(version),
                         new PytestNodeIdLogParser(), new UnittestLogParser(), new DjangoStrictLogParser(),
                     ])
            {
                parsers[(parser.Name, version)] = parser;
            }
        }
        return parsers;
    }
}
