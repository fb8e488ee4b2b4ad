using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using SweLego.Environments.Survey;
using SweLego.Runs;
using SweLego.Sandboxes.Docker;

namespace SweLego.Cli.Commands;

internal static partial class EnvCommands
{
    private static Command CreateSurvey()
    {
        var repositories = new Argument<string[]>("repositories")
        {
            Description = "Git repositories (local folders; only read: every commit is built from a throw-away clone).",
            Arity = ArgumentArity.OneOrMore,
        };
        var history = NumericOptions.Whole("--history", "N",
            "Survey N commits per repository, spread evenly over its first-parent history (HEAD included).", 1, 10_000, 1);
        var offline = new Option<bool>("--offline")
        {
            Description = "No package index: system packages, pip --no-index, and the source install when the build backend is missing.",
        };
        var jobs = CommonOptions.Jobs("Commits built and tested at once.", 1);
        var timeout = NumericOptions.Seconds("--test-timeout", "Time limit of each test run.", 600);
        var json = new Option<bool>("--json") { Description = "Print the rows and the rate as JSON instead of a table." };
        var environments = EnvironmentsFolder();
        var backend = CommonOptions.Backend();
        var dockerHost = CommonOptions.DockerHost();
        var survey = new Command("survey",
            "Build each repository's environment at HEAD (or at --history N commits) the way the task stages do, run its " +
            "test suite once, and print per commit: built by pip, built by the source install (pip could not build it " +
            "offline), or failed with the reason; and how many tests were collected. A build whose tests cannot be " +
            "collected counts as failed. Ends with the success rate.\n\n" +
            "Examples:\n  swelego env survey ~/src/attrs ~/src/toolz --offline\n  swelego env survey ~/src/mylib --history 5 --jobs 2");
        survey.Arguments.Add(repositories);
        foreach (var option in (Option[])[history, offline, jobs, timeout, json, environments, backend, dockerHost]) survey.Options.Add(option);
        survey.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SurveyOptions
            {
                Offline = parse.GetValue(offline),
                History = parse.GetValue(history),
                Jobs = parse.GetValue(jobs),
                TestTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                Backend = parse.GetValue(backend)!,
                Docker = new DockerBackendOptions { Endpoint = parse.GetValue(dockerHost) },
                EnvironmentsRoot = parse.GetValue(environments)!,
            };
            bool asJson = parse.GetValue(json);
            var console = CliConsole.ForOutput();
            // Each commit's verdict on stderr as it comes; the table follows at the end.
            var report = await EnvironmentSurvey.RunAsync(parse.GetValue(repositories)!, options, row =>
            {
                if (!asJson) Console.Error.WriteLine($"{Short(row)}: {Describe(row)}");
            }, cancellationToken);
            if (asJson)
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { report.Rows, report.Succeeded, report.ByFallback, report.SuccessRate }, RunJson.IndentedOptions));
            }
            else
            {
                WriteSurvey(console, report);
            }

            return report.Succeeded == report.Rows.Count ? 0 : CliApp.Failure;
        });
        return survey;
    }

    private static void WriteSurvey(IAnsiConsole console, SurveyReport report)
    {
        var table = new Table().AddColumns("repository", "commit", "environment", "tests collected", "passed", "failed", "build", "tests", "reason");
        foreach (var row in report.Rows)
        {
            string outcome = row.Outcome switch
            {
                SurveyOutcome.Built => "[green]built[/]",
                SurveyOutcome.BuiltByFallback => "[green]built by fallback[/]",
                _ => "[red]failed[/]",
            };
            table.AddRow(
                Markup.Escape(Path.GetFileName(row.Repository)), row.Commit.Length >= 12 ? row.Commit[..12] : row.Commit, outcome,
                row.TestsCollected.ToString(), row.Passed.ToString(), row.Failed.ToString(),
                $"{row.BuildTime.TotalSeconds:F1} s", $"{row.TestTime.TotalSeconds:F1} s", Markup.Escape(row.Reason ?? ""));
        }

        console.Write(table);
        console.MarkupLineInterpolated(
            $"Success: {report.Succeeded} of {report.Rows.Count} ({(report.SuccessRate * 100).ToString("F0", System.Globalization.CultureInfo.InvariantCulture)}%); {report.ByFallback} by the source install. A success builds and collects tests.");
    }

    private static string Short(SurveyRow row) => $"{Path.GetFileName(row.Repository)}@{(row.Commit.Length >= 12 ? row.Commit[..12] : row.Commit)}";

    private static string Describe(SurveyRow row) => row.Outcome switch
    {
        SurveyOutcome.Built => $"built, {row.TestsCollected} tests collected",
        SurveyOutcome.BuiltByFallback => $"built by the source install, {row.TestsCollected} tests collected",
        _ => $"failed: {row.Reason}",
    };
}
