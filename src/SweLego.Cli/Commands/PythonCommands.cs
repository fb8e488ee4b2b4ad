using System.CommandLine;
using Spectre.Console;
using SweLego.Python.Checking;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego python check</c>: run SweLego's own Python parser over files and report.</summary>
internal static class PythonCommands
{
    private const int ProblemsShown = 20;

    public static Command Create()
    {
        var python = new Command("python", "SweLego's lossless Python parser (the base of bug injection and environment inference).\n\nExample:\n  swelego python check src/");
        python.Subcommands.Add(CreateCheck());
        return python;
    }

    private static Command CreateCheck()
    {
        var path = new Argument<string>("path") { Description = "A .py file or a folder (searched recursively; .git and __pycache__ skipped)." };
        var json = new Option<bool>("--json") { Description = "Print the whole report as JSON, with every function and class and its span as CPython's ast numbers it." };
        var jobs = CommonOptions.Jobs("Files parsed in parallel.", Environment.ProcessorCount);
        var check = new Command("check",
            "Parse Python files and report files, parsed, syntax errors (with line and column), round-trip mismatches " +
            "and functions found. Exits 1 when a file has a syntax error or does not round-trip.\n\n" +
            "Examples:\n  swelego python check src/\n  swelego python check setup.py --json");
        check.Arguments.Add(path);
        check.Options.Add(json);
        check.Options.Add(jobs);
        check.SetAction((parse, cancellationToken) =>
        {
            string target = parse.GetValue(path)!;
            if (!File.Exists(target) && !Directory.Exists(target)) throw new UsageException($"'{target}' is neither a file nor a folder.");
            bool asJson = parse.GetValue(json);
            var options = new PythonCheckOptions { IncludeDefinitions = asJson, MaxDegreeOfParallelism = parse.GetValue(jobs) };
            PythonCheckReport report = asJson
                ? PythonCheck.Run(target, options, cancellationToken)
                : AnsiConsole.Status().Start($"Parsing {target}", _ => PythonCheck.Run(target, options, cancellationToken));
            if (asJson) Console.Out.WriteLine(report.ToJson());
            else Print(report);
            var s = report.Summary;
            return Task.FromResult(s.SyntaxErrors + s.ReadErrors + s.RoundTripMismatches == 0 ? 0 : CliApp.Failure);
        });
        return check;
    }

    private static void Print(PythonCheckReport report)
    {
        var s = report.Summary;
        var table = new Table().AddColumns("files", "parsed", "syntax errors", "unreadable", "round-trip mismatches", "functions", "classes", "MB", "s");
        table.AddRow($"{s.Files}", $"{s.Parsed}", $"{s.SyntaxErrors}", $"{s.ReadErrors}", $"{s.RoundTripMismatches}", $"{s.Functions}", $"{s.Classes}",
            $"{s.Bytes / 1e6:F1}", $"{s.ElapsedSeconds:F2}");
        AnsiConsole.Write(table);
        var problems = report.Problems.ToList();
        foreach (var file in problems.Take(ProblemsShown))
        {
            string what = file.ReadError
                ?? (file.Diagnostics.Count > 0 ? $"{file.Diagnostics[0]}" : "tree text differs from the file (parser bug)");
            Console.Out.WriteLine($"{Path.Combine(report.Root, file.Path)}:{what}");
        }

        if (problems.Count > ProblemsShown) Console.Out.WriteLine($"... and {problems.Count - ProblemsShown} more (use --json for all).");
    }
}
