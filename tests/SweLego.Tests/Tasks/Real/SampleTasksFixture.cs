using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>The sample history (samples/README.md) in a folder named <c>tally</c>, and its PR file; shared by a test class.</summary>
public sealed class SampleTasksFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _root = new("swelego-tasks-");

    public SampleHistory History { get; private set; } = null!;

    public string PrsFile { get; private set; } = null!;

    public string Root => _root.Path;

    public async Task InitializeAsync()
    {
        History = await SampleHistory.CreateAsync(_root.Combine("tally"));
        PrsFile = History.WritePrsFile(_root.Combine("prs.jsonl"));
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _root.Dispose();
}
