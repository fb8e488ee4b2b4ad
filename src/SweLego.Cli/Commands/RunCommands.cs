using System.CommandLine;
using SweLego.Runs;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego run …</c>: the run folder itself (its manifest).</summary>
internal static class RunCommands
{
    public static Command Create()
    {
        var runs = new Command("run", "The run folder itself: repair its manifest.\n\nExample:\n  swelego run repair --run runs/mylib");
        runs.Subcommands.Add(CreateRepair());
        return runs;
    }

    private static Command CreateRepair()
    {
        var run = new Option<string>("--run") { Description = "The run folder whose manifest.json cannot be read.", HelpName = "DIR", Required = true };
        var repair = new Command("repair",
            "Rebuild a corrupt or missing manifest.json from the stage folders present: one stage per folder, each marked interrupted " +
            "(re-running its command resumes it and skips what is done), with the record count of each JSONL file and its files as outputs. " +
            "The unreadable file is kept as manifest.json.corrupt-<UTC time>.\n\n" +
            "Example:\n  swelego run repair --run runs/mylib");
        repair.Options.Add(run);
        repair.SetAction(parse =>
        {
            string directory = parse.GetValue(run)!;
            if (!Directory.Exists(directory)) throw new UsageException($"'{directory}' is not a folder.");
            var result = RunRepair.Rebuild(directory, new RunFolderOptions { ToolVersion = CliApp.Version, CommandLine = Environment.GetCommandLineArgs() });
            if (result is null)
            {
                Console.Out.WriteLine($"{Path.Combine(directory, RunFolder.ManifestFileName)} is readable; nothing to repair.");
                return 0;
            }

            Console.Out.WriteLine($"Was: {result.Problem}");
            foreach (var (name, stage) in result.Manifest.Stages)
                Console.Out.WriteLine($"  {name}: {stage.Status.ToString().ToLowerInvariant()}{string.Concat(stage.Counts.Select(c => $", {c.Key} {c.Value}"))}");
            Console.Out.WriteLine($"Rebuilt {result.ManifestPath} from {result.Manifest.Stages.Count} stage folder(s)" +
                (result.KeptAs is null ? "." : $"; the unreadable file is kept as {result.KeptAs}."));
            Console.Out.WriteLine("Re-run each stage's command with --run to resume it.");
            return 0;
        });
        return repair;
    }
}
