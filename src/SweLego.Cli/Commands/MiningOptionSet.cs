using System.CommandLine;
using SweLego.Environments.Build;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks;

namespace SweLego.Cli.Commands;

/// <summary>
/// The options every task-mining verb takes (<see cref="TaskMiningOptions"/>: --max, --jobs, --runs,
/// --offline, --test-timeout, --backend, --docker-host, --image-budget), spelled and checked the same way.
/// </summary>
internal sealed class MiningOptionSet(string runsDescription, string timeoutDescription)
{
    private readonly Option<int?> _max = NumericOptions.OptionalWhole("--max", "N", "Stop after this many instances (a resumed run counts the earlier ones).", 1, 1_000_000);
    private readonly Option<int> _jobs = CommonOptions.Jobs("Candidates validated at once.", 1);
    private readonly Option<int> _runs = CommonOptions.Runs(runsDescription, 3);
    private readonly Option<bool> _offline = new("--offline")
    {
        Description = "Build environments without a package index (system packages + pip --no-index; missing requirements are reported).",
    };
    private readonly Option<double> _timeout = NumericOptions.Seconds("--test-timeout", timeoutDescription, 600);
    private readonly Option<string> _backend = CommonOptions.Backend();
    private readonly Option<string?> _dockerHost = CommonOptions.DockerHost();
    private readonly Option<long?> _imageBudget = CommonOptions.ImageBudget();

    public void AddTo(Command command)
    {
        foreach (var option in (Option[])[_max, _jobs, _runs, _offline, _timeout, _backend, _dockerHost, _imageBudget]) command.Options.Add(option);
    }

    /// <summary><paramref name="options"/> with the shared settings from the command line, validated (a bad value is a usage error).</summary>
    public T Apply<T>(ParseResult parse, T options) where T : TaskMiningOptions
    {
        var filled = (T)(options with
        {
            Max = parse.GetValue(_max),
            Jobs = parse.GetValue(_jobs),
            Runs = parse.GetValue(_runs),
            Offline = parse.GetValue(_offline),
            TestTimeout = TimeSpan.FromSeconds(parse.GetValue(_timeout)),
            Backend = parse.GetValue(_backend)!,
            Docker = new DockerBackendOptions { Endpoint = parse.GetValue(_dockerHost) },
            Images = new DockerEnvironmentOptions { ImageBudgetBytes = parse.GetValue(_imageBudget) },
        });
        if (filled.Images.ImageBudgetBytes is not null && filled.Backend != SandboxBackends.Docker)
            throw new UsageException("--image-budget needs --backend docker.");
        try
        {
            filled.Validate();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        return filled;
    }
}
