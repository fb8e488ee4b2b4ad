using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Evaluation;

/// <summary>
/// The sample's real task instances, mined once per test class on bwrap (tasks real, one test run a
/// side), in a run folder the evaluation tests read instances from: instances.jsonl with its
/// environment and repository mirror next to it, as a user's run has them.
/// </summary>
public sealed class SampleEvaluationFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _root = new("swelego-eval-");

    public SampleHistory History { get; private set; } = null!;

    /// <summary>The mined run folder.</summary>
    public string RunDirectory => _root.Combine("mined");

    public string InstancesPath { get; private set; } = null!;

    public IReadOnlyList<TaskInstance> Instances { get; private set; } = [];

    public string Root => _root.Path;

    public async Task InitializeAsync()
    {
        History = await SampleHistory.CreateAsync(_root.Combine("tally"));
        var run = RunFolder.Create(RunDirectory);
        var summary = await RealTaskMiner.RunAsync(run, new RealTaskOptions
        {
            Repository = History.Path, PrsFile = History.WritePrsFile(_root.Combine("prs.jsonl")), Offline = true, Jobs = 2, Runs = 1,
        });
        InstancesPath = summary.InstancesPath;
        Instances = [.. JsonlReader.Read<TaskInstance>(InstancesPath, RunJson.Options)];
    }

    /// <summary>The instance mined from the commit tagged <paramref name="tag"/>.</summary>
    public TaskInstance Instance(string tag) =>
        Instances.Single(i => i.FixCommit == History.Commit(tag) || i.InstanceId.EndsWith(tag, StringComparison.Ordinal));

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _root.Dispose();
}
