using System.CommandLine;
using SweLego.Evaluation;
using SweLego.Evaluation.Inputs;
using SweLego.Tasks.Harness;

namespace SweLego.Cli.Commands;

internal static partial class EvalCommands
{
    private static Command CreateGrade()
    {
        var instances = new Option<string>("--instances", "-i")
        {
            Description = "The file (or dataset folder) holding the instance: the same formats as 'swelego eval'.",
            HelpName = "FILE",
            Required = true,
        };
        var instanceId = new Option<string>("--instance-id") { Description = "The instance the log belongs to.", HelpName = "ID", Required = true };
        var log = new Option<string>("--log")
        {
            Description = "The log to grade: everything the eval script printed (the harness's test_output.txt).",
            HelpName = "FILE",
            Required = true,
        };
        var harness = HarnessOption();
        var command = new Command("grade",
            "Grade a test log produced elsewhere (e.g. the SWE-bench harness's own logs/run_evaluation/.../test_output.txt) under the " +
            "chosen harness version's rules and print the report.json the harness would write for it. Runs nothing.\n\n" +
            "Example:\n  swelego eval grade -i SWE-bench_Verified/ --instance-id django__django-11099 --log test_output.txt --harness 4.0.4");
        foreach (var option in (Option[])[instances, instanceId, log, harness]) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            string id = parse.GetValue(instanceId)!;
            var set = await InstanceFiles.ReadAsync(ExistingPath(parse.GetValue(instances)!, "--instances"), cancellationToken);
            var instance = set.Find(id) ?? throw new UsageException(
                set.Problems.FirstOrDefault(p => p.InstanceId == id) is { } problem
                    ? $"{id} cannot be graded: {problem}"
                    : $"no instance '{id}' in {string.Join(", ", set.Files)} ({set.Instances.Count} instances).");
            string text = await File.ReadAllTextAsync(ExistingPath(parse.GetValue(log)!, "--log"), cancellationToken);
            // The log exists, so a patch was applied and eval.sh ran: the report's patch flags say so.
            var grade = HarnessGrading.Grade(id, modelPatch: "(applied)", text, EvaluationEnvironments.LogParser(instance), instance.FailToPass, instance.PassToPass, Harness(parse, harness));
            Console.Out.WriteLine(grade.ToReportJson());
            return 0;
        });
        return command;
    }
}
