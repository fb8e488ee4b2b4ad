using SweLego.Runs;
using SweLego.Tasks.Synthetic;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Synthetic;

/// <summary><c>tasks synth</c> on repositories it cannot work with: a clear error, and the manifest says why the stage failed.</summary>
public sealed class SyntheticTaskBadInputTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-synth-bad-");

    [Fact]
    public async Task RunAsync_SuiteCannotBeCollected_ErrorNamingTheCommitAndFailedStage()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
        repo.Write("pytest.ini", "[pytest]\n");
        repo.Write("calc.py", "def add(a, b):\n    return a + b\n");
        string commit = await repo.CommitAsync("test_calc.py", "import not_installed_anywhere\n\ndef test_add():\n    pass\n", "Start", GitTestRepository.Day(1));
        var run = RunFolder.Create(_temp.Combine("run"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            SyntheticTaskMiner.RunAsync(run, new SyntheticTaskOptions { Repository = repo.Path, Offline = true, Runs = 1 }));

        Assert.StartsWith($"The test suite of {commit[..12]} cannot be graded", error.Message, StringComparison.Ordinal);
        Assert.Contains("collection error", error.Message, StringComparison.Ordinal);
        var stage = run.ReadManifest().Stage(SyntheticTaskMiner.Stage);
        Assert.Equal(StageStatus.Failed, stage.Status);
        Assert.Equal(error.Message, stage.Reason);
    }

    [Fact]
    public async Task RunAsync_RewriteWithoutModel_ArgumentErrorBeforeAnyWork()
    {
        var run = RunFolder.Create(_temp.Combine("run"));

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            SyntheticTaskMiner.RunAsync(run, new SyntheticTaskOptions { Repository = _temp.Path, Methods = ["llm.rewrite"] }));

        Assert.Equal("llm.rewrite needs a model (--model-endpoint and --model).", error.Message);
        Assert.False(Directory.Exists(run.StageDirectory(SyntheticTaskMiner.Stage)));
    }

    public void Dispose() => _temp.Dispose();
}
