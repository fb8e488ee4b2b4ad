using SweLego.Benchmarking;
using SweLego.Curation;
using SweLego.Runs;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Curation;

/// <summary><c>swelego curate</c> and <c>curate explain</c> as a user runs them, on a generated run.</summary>
public sealed class CurateCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Curate_ThenExplain_PrintsTheReportAndEachTurnsRule()
    {
        var run = RunFolder.OpenOrCreate(temp.Combine("run"));
        CurationCorpus.Generate(run, 12, seed: 3, null, CancellationToken.None);
        string instances = Path.Combine(run.DirectoryPath, CurationCorpus.InstancesFile);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("curate", run.DirectoryPath, "--instances", instances, "--tokenizer", HuggingFaceReference.TokenizerPath);

        Assert.True(exit == 0, stderr);
        var report = CurationStage.ReadReport(run);
        Assert.Contains($"{report.Kept} of 12 trajectories kept", stdout, StringComparison.Ordinal);
        Assert.Contains($"{report.Tokens.Trained:N0} trained", stdout, StringComparison.Ordinal);
        Assert.Contains("next: swelego export", stdout, StringComparison.Ordinal);

        var kept = JsonlReader.Read<SftRecord>(run.StagePath(CurationStage.Stage, CurationStage.KeptFile), RunJson.Options).First(r => r.Decisions.Any(d => d.Masked));
        var (explainExit, explained, explainError) = await CliRunner.RunAsync("curate", "explain", run.DirectoryPath, kept.InstanceId);
        Assert.True(explainExit == 0, explainError);
        var masked = kept.Decisions.First(d => d.Masked);
        Assert.Contains(masked.Rule, explained, StringComparison.Ordinal);

        // The seeded run has unresolved trajectories that touch other files than the gold patch: at least one is dropped.
        var dropped = JsonlReader.Read<CandidateDecision>(run.StagePath(CurationStage.Stage, CurationStage.DroppedFile), RunJson.Options).First();
        var (_, why, _) = await CliRunner.RunAsync("curate", "explain", run.DirectoryPath, dropped.Key);
        Assert.Contains($"dropped by {dropped.Filter}", why, StringComparison.Ordinal);

        var (again, _, refused) = await CliRunner.RunAsync("curate", run.DirectoryPath, "--instances", instances, "--tokenizer", HuggingFaceReference.TokenizerPath, "--max-turns", "90");
        Assert.Equal(2, again);
        Assert.Contains("--rerun", refused, StringComparison.Ordinal);
        var (unknown, _, missing) = await CliRunner.RunAsync("curate", "explain", run.DirectoryPath, "nobody__here-1");
        Assert.NotEqual(0, unknown);
        Assert.Contains("has no trajectory nobody__here-1#0", missing, StringComparison.Ordinal);
    }
}
