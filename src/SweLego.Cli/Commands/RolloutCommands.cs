using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using SweLego.Agent;
using SweLego.Evaluation;
using SweLego.Models;
using SweLego.Rollouts;
using SweLego.Sandboxes.Docker;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego rollout</c>: agent episodes against a model server; <c>rollout show</c> and <c>rollout export</c> read them back.</summary>
internal static partial class RolloutCommands
{
    public static Command Create()
    {
        var instances = new Argument<string>("INSTANCES")
        {
            Description = "SweLego instances: a run's tasks-real/instances.jsonl or tasks-synth/instances.jsonl (or a JSONL/JSON/Parquet file of them inside a run folder).",
        };
        var model = new Option<string>("--model", "-m") { Description = "The model name the server serves.", HelpName = "NAME", Required = true };
        var baseUrl = new Option<Uri>("--base-url", "-u")
        {
            Description = "OpenAI-compatible server with /v1 (vLLM, SGLang, Ollama, a hosted API), e.g. http://127.0.0.1:8000/v1.",
            HelpName = "URL", Required = true,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)) return uri;
                result.AddError($"--base-url: '{text}' is not an http(s) URL such as http://127.0.0.1:8000/v1.");
                return null!;
            },
        };
        var apiKeyEnv = new Option<string>("--api-key-env")
        {
            Description = "Environment variable holding the API key (default OPENAI_API_KEY; when unset, EMPTY, which local servers accept).",
            HelpName = "VAR", DefaultValueFactory = _ => "OPENAI_API_KEY",
        };
        var k = NumericOptions.Whole("-k", "K", "Rollouts per instance (rollout ids 0 to K-1).", 1, 1000, 1);
        var temperature = NumericOptions.OptionalNumber("--temperature", "T", "Sampling temperature (default: the server's).", 0, 2);
        var topP = NumericOptions.OptionalNumber("--top-p", "P", "Nucleus sampling (default: the server's).", 0.01, 1);
        var maxTokens = NumericOptions.OptionalWhole("--max-tokens", "N", "Tokens one reply may generate (default: the server's).", 1, 1_000_000);
        var seed = NumericOptions.OptionalWhole("--seed", "S", "Sampling seed sent with every request (servers that honour it repeat themselves).", 0, int.MaxValue);
        var maxTurns = NumericOptions.Whole("--max-turns", "N", "Model calls per episode (one call = one turn).", 1, 10_000, 100);
        var contextWindow = NumericOptions.OptionalWhole("--context-window", "TOKENS",
            "The model's context window: an episode ends with context_exhausted before a request that would not fit (default: what the server reports, e.g. vLLM's max_model_len).", 1024, 10_000_000);
        var jobs = CommonOptions.Jobs("Rollouts at once, each in its own sandbox.", 1);
        var native = new Option<bool>("--native-tools") { Description = "Use the server's native function calling instead of the text protocol (the SWE-Lego data format)." };
        var requestTimeout = NumericOptions.Seconds("--request-timeout", "Time allowed for one model request attempt (retried on timeout, 429 and 5xx).", 600);
        var noOutput = NumericOptions.Seconds("--no-output-timeout", "A command that prints nothing for this long returns what it printed so far (it keeps running; the agent can wait, type or interrupt).", 30);
        var only = new Option<string[]>("--instance") { Description = "Only these instance ids (repeatable).", HelpName = "ID", AllowMultipleArgumentsPerToken = true };
        var eval = new Option<bool>("--eval") { Description = "Grade the rollouts with `swelego eval` when they are done (stage evaluation of the same run)." };
        var harness = EvalCommands.HarnessOption();
        var dockerHost = CommonOptions.DockerHost();
        var run = CommonOptions.Run();
        var command = new Command("rollout",
            "Roll out the agent (the four OpenHands tools: execute_bash, think, finish, str_replace_editor) on task instances against an " +
            "OpenAI-compatible model server: K episodes per instance, each in a fresh sandbox of the instance's environment with a sanitized " +
            "workspace. Every step is saved (rollout/trajectories/<instance>/<rollout>.json); each finished rollout is a line of " +
            "rollout/predictions.jsonl, which `swelego eval` grades. The server is checked first (URL and model). Re-running resumes: " +
            "finished rollouts are kept, interrupted ones start again.\n\n" +
            "Examples:\n  swelego rollout runs/mylib/tasks-real/instances.jsonl --model Qwen/Qwen3-8B --base-url http://127.0.0.1:8000/v1 -k 4 --jobs 8 --run runs/mylib\n" +
            "  swelego rollout runs/mylib/tasks-synth/instances.jsonl -m qwen3 -u http://127.0.0.1:11434/v1 --native-tools --eval --run runs/mylib");
        command.Arguments.Add(instances);
        foreach (var option in (Option[])[model, baseUrl, apiKeyEnv, k, temperature, topP, maxTokens, seed, maxTurns, contextWindow, jobs, native,
            requestTimeout, noOutput, only, eval, harness, dockerHost, run]) command.Options.Add(option);
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateExport());
        command.SetAction(async (parse, cancellationToken) =>
        {
            string instancesPath = parse.GetValue(instances)!;
            if (!File.Exists(instancesPath) && !Directory.Exists(instancesPath)) throw new UsageException($"INSTANCES: '{instancesPath}' does not exist.");
            var modelOptions = new ModelClientOptions
            {
                Endpoint = parse.GetValue(baseUrl), Model = parse.GetValue(model)!,
                ApiKey = Environment.GetEnvironmentVariable(parse.GetValue(apiKeyEnv)!) is { Length: > 0 } key ? key : "EMPTY",
                RequestTimeout = TimeSpan.FromSeconds(parse.GetValue(requestTimeout)),
            };
            // A server that is down or a wrong model name: one line naming both (exit 1), before any run folder or sandbox.
            var server = await ModelPreflight.CheckAsync(modelOptions, cancellationToken);

            var options = new RolloutOptions
            {
                InstancesPath = instancesPath, Model = modelOptions, K = parse.GetValue(k), Jobs = parse.GetValue(jobs), NativeTools = parse.GetValue(native),
                InstanceIds = parse.GetValue(only) ?? [], NoOutputTimeout = TimeSpan.FromSeconds(parse.GetValue(noOutput)),
                Docker = new DockerBackendOptions { Endpoint = parse.GetValue(dockerHost) },
                Agent = new AgentOptions
                {
                    MaxTurns = parse.GetValue(maxTurns), Temperature = parse.GetValue(temperature), TopP = parse.GetValue(topP), MaxTokens = parse.GetValue(maxTokens),
                    Seed = parse.GetValue(seed), ContextWindow = parse.GetValue(contextWindow) ?? server.ContextWindow,
                },
            };
            var folder = CommonOptions.OpenRun(parse.GetValue(run), Environment.GetCommandLineArgs());
            var tally = new RolloutTally();
            var client = new ModelClient(modelOptions);
            var summary = await StageProgressDisplay.RunAsync(
                progress => RolloutStage.RunAsync(folder, options, client, tally, progress, cancellationToken),
                () => $"running {tally.Running} · turns {tally.Turns} · {tally.TokensPerSecond.ToString("F1", CultureInfo.InvariantCulture)} tok/s");
            Print(summary, folder.DirectoryPath);
            if (!parse.GetValue(eval)) return 0;
            var graded = await StageProgressDisplay.RunAsync(progress => EvaluationStage.RunAsync(folder, new EvaluationOptions
            {
                InstancesPath = instancesPath, PredictionsPath = summary.PredictionsPath, Jobs = options.Jobs,
                Harness = EvalCommands.Harness(parse, harness), Docker = options.Docker,
            }, progress, cancellationToken));
            EvalCommands.Print(graded, folder.DirectoryPath);
            return 0;
        });
        return command;
    }

    private static void Print(RolloutSummary summary, string runDirectory)
    {
        var console = CliConsole.ForOutput();
        var table = new Table().AddColumn("status").AddColumn(new TableColumn("rollouts").RightAligned()).AddColumn(new TableColumn("turns (mean)").RightAligned());
        foreach (var group in summary.Records.GroupBy(r => r.Outcome).OrderByDescending(g => g.Count()))
        {
            table.AddRow(Markup.Escape(group.Key), group.Count().ToString(CultureInfo.InvariantCulture),
                group.Average(r => r.Turns).ToString("F1", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        int malformed = summary.Records.Sum(r => r.MalformedCalls), repaired = summary.Records.Sum(r => r.RepairedCalls);
        long prompt = summary.Records.Sum(r => (long)r.PromptTokens), completion = summary.Records.Sum(r => (long)r.CompletionTokens);
        console.MarkupLineInterpolated($"Tokens: {prompt} prompt, {completion} completion. Malformed calls: {malformed}; repaired calls: {repaired}.");
        if (summary.Failed > 0)
            console.MarkupLineInterpolated($"[red]{summary.Failed} rollout(s) could not run[/] (the reasons are in rollout/{RolloutStage.RolloutsFile}); re-running tries them again.");
        foreach (var problem in summary.Problems.Take(10)) console.MarkupLineInterpolated($"[yellow]skipped:[/] {problem}");
        console.MarkupLineInterpolated(
            $"{summary.Ran.Processed} rolled out now, {summary.Ran.Skipped} done before. Predictions: {Path.GetRelativePath(runDirectory, summary.PredictionsPath)} in {runDirectory} (grade with swelego eval, or add --eval).");
    }
}
