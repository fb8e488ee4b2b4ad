using SweLego.Tasks.Git;
using SweLego.Tasks.Real;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>The SWE-bench split of a change into patch and test patch, checked by applying both with git.</summary>
public sealed class CandidatePatchesTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-patches-");

    [Fact]
    public async Task ComputeAsync_MixedChange_SplitsTestsFromSourceAndBothApplyAtBase()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
        repo.Write("tests/test_calc.py", "def test_zero():\n    assert True\n");
        repo.Write("README.md", "calc\n");
        string baseCommit = await repo.CommitAsync("pkg/calc.py", "def add(a, b):\n    return a - b\n", "start", GitTestRepository.Day(1));
        repo.Write("tests/test_calc.py", "def test_zero():\n    assert True\n\n\ndef test_add():\n    assert 1 + 2 == 3\n");
        repo.Write("tests/data/case.txt", "3\n");
        repo.Write("conftest.py", "X = 1\n");
        repo.Write("README.md", "calc, fixed\n");
        string fix = await repo.CommitAsync("pkg/calc.py", "def add(a, b):\n    return a + b\n", "fix", GitTestRepository.Day(2));

        var (patches, binary) = await CandidatePatches.ComputeAsync(new GitCommand(repo.Path), baseCommit, fix, CancellationToken.None);

        Assert.Empty(binary);
        Assert.NotNull(patches);
        Assert.Equal(["conftest.py", "tests/data/case.txt", "tests/test_calc.py"], patches.TestFiles.Order(StringComparer.Ordinal));
        Assert.Equal(["README.md", "pkg/calc.py"], patches.SourceFiles.Order(StringComparer.Ordinal));
        Assert.StartsWith("diff --git a/", patches.Patch, StringComparison.Ordinal);
        Assert.Contains("+    return a + b", patches.Patch, StringComparison.Ordinal);
        Assert.DoesNotContain("test_add", patches.Patch, StringComparison.Ordinal);
        Assert.Contains("+def test_add():", patches.TestPatch, StringComparison.Ordinal);
        Assert.DoesNotContain("return a + b", patches.TestPatch, StringComparison.Ordinal);

        // base + test patch + patch is exactly the fix commit's tree.
        await repo.GitAsync("checkout", "--quiet", "--detach", baseCommit);
        await ApplyAsync(repo, patches.TestPatch);
        await ApplyAsync(repo, patches.Patch);
        await repo.GitAsync("add", "--all");
        Assert.Equal(await repo.GitAsync("rev-parse", fix + "^{tree}"), await repo.GitAsync("write-tree"));
    }

    [Fact]
    public async Task ComputeAsync_RenameAcrossBoundary_DeleteAndAddInEachHalf()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
        string body = string.Concat(Enumerable.Range(1, 20).Select(i => $"def helper_{i}():\n    return {i}\n\n\n"));
        string baseCommit = await repo.CommitAsync("pkg/helpers.py", body, "start", GitTestRepository.Day(1));
        File.Delete(Path.Combine(repo.Path, "pkg", "helpers.py"));
        string fix = await repo.CommitAsync("tests/helpers.py", body, "move helpers to tests", GitTestRepository.Day(2));
        Assert.Contains("rename", await repo.GitAsync("diff", "-M", "--summary", baseCommit, fix), StringComparison.Ordinal);

        var (patches, _) = await CandidatePatches.ComputeAsync(new GitCommand(repo.Path), baseCommit, fix, CancellationToken.None);

        Assert.NotNull(patches);
        Assert.Equal(["pkg/helpers.py"], patches.SourceFiles);
        Assert.Equal(["tests/helpers.py"], patches.TestFiles);
        Assert.Contains("deleted file mode", patches.Patch, StringComparison.Ordinal);
        Assert.Contains("new file mode", patches.TestPatch, StringComparison.Ordinal);
        Assert.DoesNotContain("rename", patches.Patch + patches.TestPatch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ComputeAsync_BinaryFile_NoPatchesAndTheFileNamed()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
        string baseCommit = await repo.CommitAsync("pkg/calc.py", "X = 1\n", "start", GitTestRepository.Day(1));
        repo.Write("tests/test_calc.py", "def test_x():\n    pass\n");
        repo.Write("pkg/calc.py", "X = 2\n");
        string fix = await repo.CommitAsync("tests/fixtures/image.png", "\u0000PNG\u0001\u0000", "binary", GitTestRepository.Day(2));

        var (patches, binary) = await CandidatePatches.ComputeAsync(new GitCommand(repo.Path), baseCommit, fix, CancellationToken.None);

        Assert.Null(patches);
        Assert.Equal(["tests/fixtures/image.png"], binary);
    }

    [Fact]
    public async Task ComputeAsync_OddFileNames_LiteralPathsKeptAndApply()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
        string baseCommit = await repo.CommitAsync("pkg/*star [x].py", "X = 1\n", "start", GitTestRepository.Day(1));
        repo.Write("pkg/plain.py", "Y = 1\n");
        repo.Write("tests/test_ é.py", "def test_x():\n    pass\n");
        string fix = await repo.CommitAsync("pkg/*star [x].py", "X = 2\n", "fix", GitTestRepository.Day(2));

        var (patches, _) = await CandidatePatches.ComputeAsync(new GitCommand(repo.Path), baseCommit, fix, CancellationToken.None);

        Assert.NotNull(patches);
        Assert.Equal(["pkg/*star [x].py", "pkg/plain.py"], patches.SourceFiles.Order(StringComparer.Ordinal));
        Assert.Equal(["tests/test_ é.py"], patches.TestFiles);
        await repo.GitAsync("checkout", "--quiet", "--detach", baseCommit);
        await ApplyAsync(repo, patches.TestPatch);
        await ApplyAsync(repo, patches.Patch);
        Assert.Equal("X = 2\n", repo.Read("pkg/*star [x].py"));
        Assert.Equal("Y = 1\n", repo.Read("pkg/plain.py"));
    }

    [Fact]
    public async Task ComputeAsync_OnlySourceChanged_EmptyTestPatch()
    {
        var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
        string baseCommit = await repo.CommitAsync("pkg/calc.py", "X = 1\n", "start", GitTestRepository.Day(1));
        string fix = await repo.CommitAsync("pkg/calc.py", "X = 2\n", "change", GitTestRepository.Day(2));

        var (patches, _) = await CandidatePatches.ComputeAsync(new GitCommand(repo.Path), baseCommit, fix, CancellationToken.None);

        Assert.NotNull(patches);
        Assert.Equal("", patches.TestPatch);
        Assert.Empty(patches.TestFiles);
        Assert.Contains("+X = 2", patches.Patch, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static async Task ApplyAsync(GitTestRepository repo, string patch)
    {
        var applied = await new GitCommand(repo.Path).TryRunAsync(["apply", "-"], patch, CancellationToken.None);
        Assert.True(applied.Succeeded, applied.StandardError);
    }
}
