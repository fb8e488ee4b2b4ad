using System.CommandLine;
using SweLego.Cli;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary>
/// Every numeric option of every verb: NaN, Infinity, 1e10 and -1 are one parse error naming the
/// option, the value and the accepted range (so exit 2 before any work); 0 is either accepted or
/// the same error. Options are found by walking the command tree, so a new verb is covered too.
/// </summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class NumericOptionsTests
{
    private const string OutsideRange = "is outside the accepted range: ";

    private static readonly Type[] NumericTypes = [typeof(int), typeof(int?), typeof(long), typeof(long?), typeof(double), typeof(double?)];

    public static TheoryData<string> BadValues => ["NaN", "Infinity", "-Infinity", "1e10", "-1", "1.5x"];

    [Theory]
    [MemberData(nameof(BadValues))]
    public void Parse_EveryNumericOptionOfEveryVerb_BadValueIsOneErrorNamingOptionAndRange(string value)
    {
        var options = NumericOptionsOfEveryVerb();
        Assert.True(options.Count >= 25, $"only {options.Count} numeric options found: {string.Join(", ", options.Select(o => o.Describe()))}");

        foreach (var option in options)
        {
            var errors = ErrorsAbout(option, value);
            string error = Assert.Single(errors);
            string expectedStart = $"{option.Option.Name}: '{value}' is ";
            Assert.True(error.StartsWith(expectedStart, StringComparison.Ordinal), $"{option.Describe()}: {error}");
            Assert.True(error.Contains(OutsideRange, StringComparison.Ordinal) || error.Contains("is not a size; expected", StringComparison.Ordinal),
                $"{option.Describe()} does not name its range: {error}");
        }
    }

    [Fact]
    public void Parse_EveryNumericOptionOfEveryVerb_ZeroIsAcceptedOrTheSameError()
    {
        foreach (var option in NumericOptionsOfEveryVerb())
        {
            var errors = ErrorsAbout(option, "0");
            Assert.True(errors.Count == 0 || errors is [var e] && e.StartsWith($"{option.Option.Name}: '0' {OutsideRange}", StringComparison.Ordinal),
                $"{option.Describe()}: {string.Join(" | ", errors)}");
        }
    }

    [Theory]
    [InlineData("tasks", "real", "--test-timeout", "NaN", "seconds above 0 and at most 2592000")]
    [InlineData("tasks", "synth", "--jobs", "1e10", "a whole number from 1 to 256")]
    [InlineData("demo", null, "--max-synthetic", "-1", "a whole number from 1 to 100000")]
    [InlineData("bench", "sandbox", "--iterations", "Infinity", "a whole number from 10 to 10000000")]
    [InlineData("sandbox", "run", "--memory", "99999999", "a whole number from 16 to 1048576")]
    public async Task RunAsync_BadNumber_ExitTwoWithOneLineAndNoRunFolder(string verb, string? subverb, string option, string value, string range)
    {
        using var temp = new TempDirectory("swelego-cli-numbers-");
        string run = temp.Combine("run");
        string[] path = subverb is null ? [verb] : [verb, subverb];
        string[] rest = (verb, subverb) switch
        {
            ("tasks", _) => [temp.Path, "--run", run],
            ("sandbox", _) => ["--", "true"],
            _ => ["--run", run],
        };

        var (exit, stdout, stderr) = await CliRunner.RunAsync([.. path, option, value, .. rest]);

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Empty(stdout);
        string line = stderr.Split('\n')[0];
        Assert.StartsWith($"error: {option}: '{value}' {OutsideRange}", line, StringComparison.Ordinal);
        Assert.Contains(range, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(run));
    }

    private static List<string> ErrorsAbout(VerbOption option, string value)
    {
        var parse = CliApp.BuildRoot().Parse([.. option.Path, option.Option.Name, value]);
        return [.. parse.Errors.Select(e => e.Message).Where(m => m.StartsWith(option.Option.Name + ":", StringComparison.Ordinal) || m.Contains($"'{value}'", StringComparison.Ordinal))];
    }

    private static List<VerbOption> NumericOptionsOfEveryVerb()
    {
        var found = new List<VerbOption>();
        void Walk(Command command, string[] path)
        {
            foreach (var option in command.Options.Where(o => NumericTypes.Contains(o.ValueType)))
                found.Add(new VerbOption(path, option));
            foreach (var sub in command.Subcommands) Walk(sub, [.. path, sub.Name]);
        }

        Walk(CliApp.BuildRoot(), []);
        return found;
    }

    private sealed record VerbOption(string[] Path, Option Option)
    {
        public string Describe() => $"swelego {string.Join(' ', Path)} {Option.Name}";
    }
}
