using SweLego.Cli;
using SweLego.Runs;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary><c>swelego tasks real</c>: help, usage errors (exit 2), a one-line failure (exit 1), and a real run (exit 0).</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class TaskCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-cli-tasks-");

    [Fact]
    public async Task TasksReal_Help_ExplainsItselfAndExitsZero()
    {
        var (exit, stdout, _) = await CliRunner.RunAsync("tasks", "real", "--help");

        Assert.Equal(0, exit);
        Assert.Contains("FAIL_TO_PASS", stdout, StringComparison.Ordinal);
        Assert.Contains("instances.jsonl", stdout, StringComparison.Ordinal);
        foreach (string option in (string[])["--max", "--since", "--prs", "--jobs", "--runs", "--offline", "--full-suite", "--test-timeout", "--run"])
            Assert.Contains(option, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TasksReal_SinceNotADate_UsageErrorNamingTheValue()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("tasks", "real", _temp.Path, "--since", "notadate", "--run", _temp.Combine("run"));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("error: --since 'notadate' is not a date", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("run")));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("1.5")]
    public async Task TasksSynth_AuditRateOutOfRange_UsageErrorNamingTheRange(string rate)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("tasks", "synth", _temp.Path, "--audit-rate", rate, "--run", _temp.Combine("run"));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith($"error: --audit-rate: '{rate}' is outside the accepted range: a number from 0 to 1.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("run")));
    }

    [Fact]
    public async Task TasksReal_JobsZero_UsageErrorNamingTheOption()
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("tasks", "real", _temp.Path, "--jobs", "0", "--run", _temp.Combine("run"));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.StartsWith("error: --jobs: '0' is outside the accepted range: a whole number from 1 to 256.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Combine("run")));
    }

    [Fact]
    public async Task TasksReal_NonexistentRepository_OneErrorLineNamingItExitsOne()
    {
        string missing = _temp.Combine("no-such-repository");

        var (exit, _, stderr) = await CliRunner.RunAsync("tasks", "real", missing, "--offline", "--run", _temp.Combine("run"));

        Assert.Equal(CliApp.Failure, exit);
        string[] lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Single(lines, l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(missing, lines[0], StringComparison.Ordinal);
        Assert.Contains("does not exist", lines[0], StringComparison.Ordinal);
        Assert.Equal("(run with --verbose for details)", lines[^1]);
    }

    [Fact]
    public async Task TasksReal_TinyGoodRepository_ExitsZeroAndPointsAtInstances()
    {
        var repo = await TinyRepositoryAsync();
        string run = _temp.Combine("run");

        // A real process: the progress display and the summary table write to the process's own console.
        var (exit, stdout, stderr) = await CliRunner.RunProcessAsync("tasks", "real", repo.Path, "--offline", "--runs", "1", "--run", run);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.DoesNotContain('\x1b', stdout); // redirected output is plain text: no colours, links or redrawn progress
        Assert.Contains($"Instances: tasks-real/instances.jsonl in {run}", stdout, StringComparison.Ordinal);
        Assert.Matches(@"kept\s*│\s*1\s*│", stdout);
        Assert.Contains("local/tiny: 1 candidates", stdout, StringComparison.Ordinal);
        Assert.Contains("\"instance_id\":\"local__tiny-", File.ReadAllText(Path.Combine(run, "tasks-real", "instances.jsonl")), StringComparison.Ordinal);

        // The instance re-validates from its record, and its agent workspace is at the base with no trace of the fix.
        var (validateExit, validateOutput, validateError) = await CliRunner.RunProcessAsync("tasks", "validate", "--run", run);
        Assert.True(validateExit == 0, $"exit {validateExit}\n{validateOutput}\n{validateError}");
        Assert.Contains("1 of 1 instance(s) hold", validateOutput, StringComparison.Ordinal);
        string id = System.Text.RegularExpressions.Regex.Match(File.ReadAllText(Path.Combine(run, "tasks-real", "instances.jsonl")), "local__tiny-[0-9a-f]{12}").Value;
        var (workspaceExit, workspaceOutput, workspaceError) = await CliRunner.RunAsync("tasks", "workspace", "--run", run, id, _temp.Combine("workspace"));
        Assert.True(workspaceExit == 0, $"exit {workspaceExit}\n{workspaceOutput}\n{workspaceError}");
        Assert.Contains("no leaks", workspaceOutput, StringComparison.Ordinal);
        Assert.Equal("def add(a, b):\n    return a - b\n", File.ReadAllText(_temp.Combine("workspace", "calc.py")));
    }

    [Fact]
    public async Task TasksReal_RepositoryWithoutTests_SaysWhyWhereAndAtWhichCommits()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("notests"));
        await repo.CommitAsync("calc.py", "X = 1\n", "Start", GitTestRepository.Day(1));
        string fix = await repo.CommitAsync("calc.py", "X = 2\n", "Fix", GitTestRepository.Day(2));

        var (exit, stdout, stderr) = await CliRunner.RunProcessAsync("tasks", "real", repo.Path, "--offline", "--run", _temp.Combine("run"));

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("local/notests: 0 candidates", stdout, StringComparison.Ordinal);
        // The line may wrap at the console's width.
        string why = System.Text.RegularExpressions.Regex.Replace(stdout[stdout.IndexOf("0 candidates:", StringComparison.Ordinal)..], @"\s+", " ");
        Assert.Contains($"no test files found: HEAD {fix[..12]} has none and none of the 1 commit(s) from {fix[..12]} back to {fix[..12]} changes one", why, StringComparison.Ordinal);
        Assert.Contains("looked for Python files in a test/tests/testing/e2e folder or named test_*.py", why, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_SampleLibrary_RealAndSyntheticInstancesAndASummary()
    {
        string run = _temp.Combine("demo");

        var (exit, stdout, stderr) = await CliRunner.RunProcessAsync("demo", "--max-synthetic", "8", "--run", run);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Matches(@"real tasks\s*│\s*5\s*│\s*3\s*│\s*tasks-real/instances\.jsonl", stdout);
        Assert.Matches(@"synthetic tasks\s*│\s*8\s*│", stdout);
        Assert.Contains($"Run folder: {run}", stdout, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(run, "tasks-real", "instances.jsonl")).Length);
        Assert.Equal(8, File.ReadAllLines(Path.Combine(run, "tasks-synth", "instances.jsonl")).Length);
    }

    [Fact]
    public async Task TasksValidate_RunWithoutInstances_UsageErrorSayingWhatToRunFirst()
    {
        RunFolder.Create(_temp.Combine("empty-run"));

        var (exit, _, stderr) = await CliRunner.RunAsync("tasks", "validate", "--run", _temp.Combine("empty-run"));

        Assert.Equal(CliApp.UsageError, exit);
        Assert.Contains("has no task instances; run 'swelego tasks real", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnvInferAndTasksReal_PlainFolder_InferenceSaysItIsNotGitAndMiningRefusesIt()
    {
        string plain = _temp.Combine("plain");
        Directory.CreateDirectory(plain);
        File.WriteAllText(Path.Combine(plain, "pytest.ini"), "[pytest]\n");

        var (inferExit, inferOut, inferError) = await CliRunner.RunAsync("env", "infer", plain, "--json");

        Assert.Equal(0, inferExit);
        using (var spec = System.Text.Json.JsonDocument.Parse(inferOut)) Assert.Equal("pytest", spec.RootElement.GetProperty("test_framework").GetString());
        string note = Assert.Single(inferError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"note: {plain} is not a git repository (", note, StringComparison.Ordinal);
        Assert.Contains("used its files as they are; tasks real and tasks synth need a git repository with a commit", note, StringComparison.Ordinal);

        var (realExit, _, realError) = await CliRunner.RunAsync("tasks", "real", plain, "--offline", "--run", _temp.Combine("run"));

        Assert.Equal(CliApp.Failure, realExit);
        Assert.Contains($"{plain} is not a git repository (", realError.Split('\n')[0], StringComparison.Ordinal);

        await GitTestRepository.InitAsync(plain);
        var (_, _, emptyError) = await CliRunner.RunAsync("env", "infer", plain);
        Assert.StartsWith($"note: {plain} has no commits: used its files as they are;", emptyError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TasksValidate_TornLastLine_WarnsNamingFileLineAndBytesAndValidatesTheRest()
    {
        var repo = await TinyRepositoryAsync();
        var run = RunFolder.Create(_temp.Combine("run"));
        var summary = await SweLego.Tasks.Real.RealTaskMiner.RunAsync(run, new SweLego.Tasks.Real.RealTaskOptions { Repository = repo.Path, Offline = true, Runs = 1 });
        Assert.Equal(1, summary.Kept);
        const string Torn = "{\"v\":1,\"instance_id\":\"local__tiny-cut";
        await File.AppendAllTextAsync(summary.InstancesPath, Torn);
        byte[] before = await File.ReadAllBytesAsync(summary.InstancesPath);

        var (exit, stdout, stderr) = await CliRunner.RunProcessAsync("tasks", "validate", "--run", run.DirectoryPath);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("1 of 1 instance(s) hold", stdout, StringComparison.Ordinal);
        string warning = Assert.Single(stderr.Split('\n'), l => l.StartsWith("warning:", StringComparison.Ordinal));
        Assert.Equal($"warning: {summary.InstancesPath}:2: skipped an incomplete last line ({Torn.Length} bytes: {Torn}), likely an interrupted write; " +
            "the 1 complete instance(s) before it are used (resuming the stage rewrites it).", warning);
        Assert.Equal(before, await File.ReadAllBytesAsync(summary.InstancesPath));
    }

    /// <summary>calc.add fixed in the second commit, with a test that fails before: one real instance.</summary>
    private async Task<GitTestRepository> TinyRepositoryAsync()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("tiny"));
        repo.Write("pytest.ini", "[pytest]\n");
        repo.Write("test_calc.py", "from calc import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n");
        await repo.CommitAsync("calc.py", "def add(a, b):\n    return a - b\n", "Start", GitTestRepository.Day(1));
        repo.Write("test_calc.py", "from calc import add\n\n\ndef test_zero():\n    assert add(0, 0) == 0\n\n\ndef test_add():\n    assert add(1, 2) == 3\n");
        await repo.CommitAsync("calc.py", "def add(a, b):\n    return a + b\n", "Fix add", GitTestRepository.Day(2));
        return repo;
    }

    public void Dispose() => _temp.Dispose();
}
