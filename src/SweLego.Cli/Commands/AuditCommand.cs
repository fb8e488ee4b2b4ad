using System.CommandLine;
using Spectre.Console;
using SweLego.Rollouts.Audit;
using SweLego.Runs;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego audit RUN</c>: flags trajectories that tried to read the repository's future.</summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var runArgument = new Argument<string>("RUN") { Description = "The run folder with rollouts." };
        var command = new Command("audit",
            "Hack audit of a run's trajectories: flags each step whose command tries to read the future instead of solving the task, with the rule:\n" +
            string.Join("\n", HackRules.Descriptions.Select(kv => $"  {kv.Key}: {kv.Value}")) +
            "\nWrites audit/audit.jsonl (one line per rollout) and audit/summary.json. `swelego eval --hack-free` then reports resolved-and-flagged rollouts " +
            "separately and leaves them out of the resolve rate.\n\nExample:\n  swelego audit runs/mylib");
        command.Arguments.Add(runArgument);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var run = RunFolder.Open(parse.GetValue(runArgument)!);
            var summary = await AuditStage.RunAsync(run, cancellationToken);
            var console = CliConsole.ForOutput();
            var table = new Table().AddColumn("rule").AddColumn(new TableColumn("rollouts flagged").RightAligned());
            foreach (var (rule, count) in summary.PerRule) table.AddRow(Markup.Escape(rule), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            console.Write(table);
            foreach (string problem in summary.Problems.Take(10)) console.MarkupLineInterpolated($"[yellow]not audited:[/] {problem}");
            console.MarkupLineInterpolated($"{summary.Flagged} of {summary.Audited} rollouts flagged. Details: {Path.Combine(run.DirectoryPath, AuditStage.Stage, AuditStage.ResultsFile)}");
            return 0;
        });
        return command;
    }
}
