using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using SweLego.Agent.Trajectories;
using SweLego.Rollouts;
using SweLego.Runs;

namespace SweLego.Cli.Commands;

internal static partial class RolloutCommands
{
    private const int ObservationChars = 2000;

    private static Command CreateShow()
    {
        var runArgument = new Argument<string>("RUN") { Description = "The run folder." };
        var id = new Argument<string>("ID") { Description = "The instance id (or instance#rollout)." };
        var rollout = new Option<string?>("--rollout", "-r") { Description = "The rollout id (default 0, or the part after # in ID).", HelpName = "R" };
        var full = new Option<bool>("--full") { Description = $"Print observations whole (default: the first {ObservationChars} characters)." };
        var json = new Option<bool>("--json") { Description = "Print the trajectory file as it is." };
        var command = new Command("show", "Print one trajectory readably: each turn's reasoning, call, repairs and observation, then the patch.\n\nExample:\n  swelego rollout show runs/mylib mylib__mylib-12 --rollout 2");
        command.Arguments.Add(runArgument);
        command.Arguments.Add(id);
        foreach (var option in (Option[])[rollout, full, json]) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var run = RunFolder.Open(parse.GetValue(runArgument)!);
            string instance = parse.GetValue(id)!;
            string rolloutId = parse.GetValue(rollout) ?? "0";
            if (instance.LastIndexOf('#') is var hash and > 0) (instance, rolloutId) = (instance[..hash], parse.GetValue(rollout) ?? instance[(hash + 1)..]);
            var store = new TrajectoryStore(run, RolloutStage.Stage);
            string path = store.PathOf(instance, rolloutId);
            var trajectory = TrajectoryStore.Read(path)
                ?? throw new UsageException($"{run.RelativePath(path)} does not exist: no rollout '{rolloutId}' of '{instance}' in {run.DirectoryPath}.");
            if (parse.GetValue(json)) Console.Out.WriteLine(File.ReadAllText(path));
            else Show(trajectory, parse.GetValue(full));
            return 0;
        });
        return command;
    }

    private static Command CreateExport()
    {
        var runArgument = new Argument<string>("RUN") { Description = "The run folder." };
        var output = new Option<string?>("--output", "-o") { Description = "Where to write (default RUN/rollout/output.openhands.jsonl).", HelpName = "FILE" };
        var command = new Command("export",
            "Write the run's trajectories as OpenHands evaluation output.jsonl records (instance_id, instruction, history, " +
            "test_result.git_patch, metrics, error), one per rollout, for tools built around OpenHands.\n\nExample:\n  swelego rollout export runs/mylib -o output.jsonl");
        command.Arguments.Add(runArgument);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var run = RunFolder.Open(parse.GetValue(runArgument)!);
            var records = RolloutWork.Records(RolloutStage.Stage).Read(run).Results.Where(r => r.Trajectory is not null).ToList();
            if (records.Count == 0) throw new UsageException($"{run.DirectoryPath} has no rollouts ({RolloutStage.Stage}/{RolloutStage.RolloutsFile} is missing or empty).");
            string target = parse.GetValue(output) ?? run.StagePath(RolloutStage.Stage, "output.openhands.jsonl");
            var lines = records.Select(r => TrajectoryStore.Read(Path.Combine(run.DirectoryPath, r.Trajectory!)))
                .Where(t => t is not null).Select(t => OpenHandsExport.Record(t!).ToJsonString(RunJson.Options) + "\n");
            AtomicFile.WriteAllText(target, string.Concat(lines));
            CliConsole.ForOutput().MarkupLineInterpolated($"Wrote {records.Count} OpenHands records to {target}.");
            return 0;
        });
        return command;
    }

    private static void Show(Trajectory t, bool full)
    {
        var console = CliConsole.ForOutput();
        console.MarkupLineInterpolated($"[bold]{t.InstanceId}[/] rollout {t.RolloutId} · {t.Model} · {t.Protocol} protocol · [bold]{Name(t.Status)}[/]{(t.StatusDetail is { } d ? " (" + d + ")" : "")}");
        console.MarkupLineInterpolated($"{t.Turns} turns · {t.PromptTokens} prompt + {t.CompletionTokens} completion tokens · base {t.BaseCommit}");
        foreach (var step in t.Steps)
        {
            string usage = step.Reply.Usage is { } u ? $", {u.PromptTokens}+{u.CompletionTokens} tokens" : "";
            console.Write(new Rule($"turn {step.Index} ({step.Reply.LatencySeconds.ToString("F2", CultureInfo.InvariantCulture)} s{usage})").LeftJustified());
            if (!string.IsNullOrWhiteSpace(step.Reasoning)) console.WriteLine(step.Reasoning);
            if (step.Call is { } call) console.MarkupLineInterpolated($"[blue]→ {call.Name}[/] {call.Arguments.ToJsonString(RunJson.Options)}");
            foreach (var repair in step.Repairs) console.MarkupLineInterpolated($"[yellow]repaired {repair.Kind}:[/] {repair.Detail}");
            if (step.CallError is { } error)
            {
                console.MarkupLineInterpolated($"[red]malformed call:[/] {error}");
                console.MarkupLineInterpolated($"[grey]raw reply:[/] {Clip(step.Reply.Text, full)}");
            }

            if (step.Observation is { } observation) console.MarkupLineInterpolated($"[grey]{Clip(observation, full)}[/]");
        }

        console.Write(new Rule("patch").LeftJustified());
        console.WriteLine(string.IsNullOrEmpty(t.Patch) ? "(empty)" : t.Patch);
    }

    private static string Clip(string text, bool full) =>
        full || text.Length <= ObservationChars ? text : text[..ObservationChars] + $"\n… ({text.Length - ObservationChars} more characters; --full shows all)";

    private static string Name(RolloutStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
