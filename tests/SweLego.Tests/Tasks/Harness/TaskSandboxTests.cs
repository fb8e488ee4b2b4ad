using System.Text;
using SweLego.Sandboxes;
using SweLego.Tasks.Git;
using SweLego.Tasks.Harness;
using SweLego.Tests.Sandboxes.Docker;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Harness;

/// <summary>
/// Patch application and file resets of <see cref="TaskSandbox"/>, inside real sessions: the same cases on
/// every backend (one subclass each), patches made by git from real edits of the fixture's repository.
/// </summary>
public abstract class TaskSandboxTests(TaskSandboxFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _scratch = new();
    private TaskSandbox _sandbox = null!;
    private ISandboxSession _session = null!;

    public async Task InitializeAsync()
    {
        _sandbox = new TaskSandbox(_scratch.Combine("checkout"), fixture.Repository, fixture.Backend, fixture.RunDirectory);
        _session = await _sandbox.SessionAsync(fixture.Environment, CancellationToken.None);
        Assert.Null(await _sandbox.PrepareAsync(_session, fixture.Base, [], CancellationToken.None));
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    public void Dispose()
    {
        _scratch.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task ApplyPatchAsync_CleanPatch_FirstCommandAppliesIt()
    {
        string patch = await DiffAsync(r => File.WriteAllText(Path.Combine(r, "samplelib", "__init__.py"), "VALUE = 2\n"));

        var applied = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Harness404, CancellationToken.None);

        Assert.True(applied.Applied, applied.Log);
        Assert.Equal("git apply --verbose", applied.Command);
        Assert.Single(applied.Attempts);
        Assert.Contains(PatchApplication.AppliedMarker, applied.Log, StringComparison.Ordinal);
        Assert.Equal("VALUE = 2\n", await ReadAsync("samplelib/__init__.py"));
        var tests = await _session.ExecAsync("python -c 'import samplelib; print(samplelib.VALUE)'");
        Assert.Equal("2\n", tests.Output);
    }

    [Fact]
    public async Task ApplyPatchAsync_ContextChanged_OnlyPatchWithFuzzAppliesIt()
    {
        // The patch's context lines (line 18 and 22) differ from the tree: git refuses, patch --fuzz takes it.
        string patch = (await DiffAsync(r => File.WriteAllText(Path.Combine(r, "lines.txt"),
            string.Concat(Enumerable.Range(1, 40).Select(i => i == 20 ? "line twenty\n" : $"line {i}\n")))))
            .Replace(" line 18\n", " line eighteen\n", StringComparison.Ordinal).Replace(" line 22\n", " line twenty-two\n", StringComparison.Ordinal);

        var strict = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Strict, CancellationToken.None);
        var applied = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Harness404, CancellationToken.None);

        Assert.False(strict.Applied);
        Assert.True(applied.Applied, applied.Log);
        Assert.Equal("patch --batch --fuzz=5 -p1 -i", applied.Command);
        Assert.Equal(3, applied.Attempts.Count);
        Assert.Contains("line twenty\n", await ReadAsync("lines.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyPatchAsync_AppliesNowhere_ThreeAttemptsLoggedAndFailed()
    {
        string patch = "diff --git a/missing.py b/missing.py\n--- a/missing.py\n+++ b/missing.py\n@@ -1,2 +1,2 @@\n-nothing\n+something\n same\n";

        var applied = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Harness404, CancellationToken.None);

        Assert.False(applied.Applied);
        Assert.Null(applied.Command);
        Assert.Equal(["git apply --verbose", "git apply --verbose --reject", "patch --batch --fuzz=5 -p1 -i"], applied.Attempts.Select(a => a.Command));
        Assert.All(applied.Attempts, a => Assert.NotEqual(0, a.ExitCode));
        Assert.Contains("missing.py", applied.Attempts[0].Output, StringComparison.Ordinal);
        Assert.Contains(PatchApplication.FailedMarker, applied.Log, StringComparison.Ordinal);
        Assert.Equal(3, applied.Log.Split("Failed to apply patch: ").Length - 1);
    }

    [Fact]
    public async Task ApplyPatchAsync_Harness502_FourCommandsThenTheReverseCheck()
    {
        string patch = "diff --git a/missing.py b/missing.py\n--- a/missing.py\n+++ b/missing.py\n@@ -1 +1 @@\n-nothing\n+something\n";

        var applied = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Harness502, CancellationToken.None);

        Assert.False(applied.Applied);
        Assert.Equal(
            ["git apply --verbose", "git apply --verbose --3way", "git apply --verbose --reject", "patch --batch --forward --fuzz=5 -p1 -i", "git apply --check --reverse"],
            applied.Attempts.Select(a => a.Command));
    }

    [Fact]
    public async Task ApplyPatchAsync_CrlfFile_AppliedWithItsLineEndings()
    {
        string patch = await DiffAsync(r => File.WriteAllText(Path.Combine(r, "crlf.txt"), "one\r\nTWO\r\nthree\r\n"));
        Assert.Contains("\r\n", patch, StringComparison.Ordinal);

        var applied = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Strict, CancellationToken.None);

        Assert.True(applied.Applied, applied.Log);
        Assert.Equal("one\r\nTWO\r\nthree\r\n", await ReadAsync("crlf.txt"));
    }

    [Fact]
    public async Task ApplyPatchAsync_BinaryPatch_BytesArrive()
    {
        byte[] bytes = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))];
        string patch = await DiffAsync(r => File.WriteAllBytes(Path.Combine(r, "data.bin"), bytes));
        Assert.Contains("GIT binary patch", patch, StringComparison.Ordinal);

        var applied = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Harness404, CancellationToken.None);

        Assert.True(applied.Applied, applied.Log);
        Assert.Equal(bytes, await _session.ReadFileAsync($"{_session.Workdir}/data.bin"));
    }

    [Fact]
    public async Task ApplyPatchAsync_TenMegabytePatch_Applies()
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < 10 << 20; i++) text.Append($"generated line {i} {new string('x', 60)}\n");
        string patch = await DiffAsync(r => File.WriteAllText(Path.Combine(r, "big.txt"), text.ToString()));
        Assert.True(patch.Length > 10 << 20);

        var applied = await _sandbox.ApplyPatchAsync(_session, patch, PatchApplyMode.Harness404, CancellationToken.None);

        Assert.True(applied.Applied, applied.Log[..Math.Min(2000, applied.Log.Length)]);
        var size = await _session.ExecAsync("stat -c %s big.txt");
        Assert.Equal(text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), size.Output.Trim());
    }

    [Fact]
    public async Task ApplyPatchAsync_SymlinkOutThenWriteThroughIt_NothingWrittenOutside()
    {
        // A host folder the sandbox must never write: the patch makes a link to it, then edits a file "inside" the link.
        using var outside = new TempDirectory();
        string link = "diff --git a/escape b/escape\nnew file mode 120000\n--- /dev/null\n+++ b/escape\n@@ -0,0 +1 @@\n+" + outside.Path + "\n\\ No newline at end of file\n";
        string through = "diff --git a/escape/planted.txt b/escape/planted.txt\nnew file mode 100644\n--- /dev/null\n+++ b/escape/planted.txt\n@@ -0,0 +1 @@\n+planted\n";

        var applied = await _sandbox.ApplyPatchAsync(_session, link + through, PatchApplyMode.Harness404, CancellationToken.None);

        // git refuses a path beyond a symbolic link; patch refuses it too or writes where the sandbox sees it; never on the host.
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
        Assert.Equal("git apply --verbose", applied.Attempts[0].Command);
        Assert.False(applied.Attempts[0].Succeeded);
        Assert.False(File.Exists(Path.Combine(outside.Path, "planted.txt")));
    }

    [Fact]
    public async Task ResetFilesAsync_ModifiedSymlinkedAndNewFiles_BackToTheCommit()
    {
        using var outside = new TempDirectory();
        File.WriteAllText(Path.Combine(outside.Path, "test_value.py"), "host file\n");
        // A patch (or suite) replaced tests/ by a link to a host folder, the setup.py by a link, and added a file.
        var changed = await _session.ExecAsync(
            $"rm -rf tests && ln -s {BashQuoting.Quote(outside.Path)} tests && rm setup.py && ln -s /etc/passwd setup.py && echo new > added.py && echo changed > lines.txt");
        Assert.Equal(0, changed.ExitCode);

        await _sandbox.ResetFilesAsync(_session, fixture.Base, ["tests/test_value.py", "setup.py", "added.py", "lines.txt"], CancellationToken.None);

        Assert.Equal("from samplelib import VALUE\n\ndef test_value():\n    assert VALUE == 1\n", await ReadAsync("tests/test_value.py"));
        Assert.StartsWith("from setuptools import setup", await ReadAsync("setup.py"), StringComparison.Ordinal);
        Assert.Equal("line 1\n", (await ReadAsync("lines.txt"))[..7]);
        var state = await _session.ExecAsync("test -L tests && echo link; test -L setup.py && echo link; test -e added.py && echo added; true");
        Assert.Equal("", state.Output);
        Assert.Equal("host file\n", File.ReadAllText(Path.Combine(outside.Path, "test_value.py")));
        await Assert.ThrowsAsync<ArgumentException>(() => _sandbox.ResetFilesAsync(_session, fixture.Base, ["../escape.py"], CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => _sandbox.ResetFilesAsync(_session, fixture.Base, [".git/config"], CancellationToken.None));
    }

    [Fact]
    public async Task PrepareAsync_PatchThatDoesNotApply_NamesItAndTheNextPrepareIsClean()
    {
        string good = await DiffAsync(r => File.WriteAllText(Path.Combine(r, "samplelib", "__init__.py"), "VALUE = 3\n"));

        string? problem = await _sandbox.PrepareAsync(_session, fixture.Base, [good, "diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n"], CancellationToken.None);
        string? clean = await _sandbox.PrepareAsync(_session, fixture.Base, [], CancellationToken.None);

        Assert.StartsWith("patch 2 of 2: ", problem, StringComparison.Ordinal);
        Assert.Null(clean);
        Assert.Equal("VALUE = 1\n", await ReadAsync("samplelib/__init__.py"));
    }

    private async Task<string> ReadAsync(string file) => Encoding.UTF8.GetString(await _session.ReadFileAsync($"{_session.Workdir}/{file}"));

    // The patch git makes for an edit of the fixture's repository at its base.
    private async Task<string> DiffAsync(Action<string> edit)
    {
        string clone = _scratch.Combine("edit-" + Guid.NewGuid().ToString("N")[..8]);
        await new GitCommand(_scratch.Path).RunAsync(["clone", "--quiet", fixture.Repository, clone], CancellationToken.None);
        edit(clone);
        var git = new GitCommand(clone);
        await git.RunAsync(["add", "-A"], CancellationToken.None);
        return await git.RunAsync(["diff", "--cached", "--binary", "--no-color"], CancellationToken.None);
    }
}

public sealed class BwrapTaskSandboxTests(BwrapTaskSandboxFixture fixture) : TaskSandboxTests(fixture), IClassFixture<BwrapTaskSandboxFixture>;

[Collection(DockerTestGroup.Name)]
public sealed class DockerTaskSandboxTests(DockerTaskSandboxFixture fixture) : TaskSandboxTests(fixture), IClassFixture<DockerTaskSandboxFixture>;
