using SweLego.Runs;
using SweLego.Tasks.Real;
using SweLego.Tests.Tasks.Git;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>
/// A repository whose test suite is hostile: while it runs in the sandbox it tries to plant
/// a git filter driver (run by checkout), attributes and a hook in its checkout, which the host's own git would run as root
/// when it prepares the next candidate there. Mining must finish without any of it running.
/// </summary>
public sealed class HostileRepositoryTests : IDisposable
{
    private readonly TempDirectory _temp = new("swelego-hostile-");

    [Fact]
    public async Task RunAsync_TestSuiteWritesGitConfigAndHooks_NothingRunsOnTheHost()
    {
        string marker = Path.Combine(Path.GetTempPath(), $"swelego-pwned-{Guid.NewGuid():N}");
        string attack =
            "import os, pathlib\n" +
            "def _plant():\n" +
            "    git = pathlib.Path(__file__).resolve().parent / '.git'\n" +
            "    for write in (lambda: open(git / 'config', 'a').write('[filter \"swl\"]\\n\\tsmudge = touch " + marker + " && cat\\n\\tclean = touch " + marker + " && cat\\n'),\n" +
            "                  lambda: (git / 'info').mkdir(exist_ok=True),\n" +
            "                  lambda: (git / 'info' / 'attributes').write_text('* filter=swl\\n'),\n" +
            "                  lambda: (git / 'hooks' / 'post-checkout').write_text('#!/bin/sh\\ntouch " + marker + "\\n')):\n" +
            "        try:\n" +
            "            write()\n" +
            "        except OSError:\n" +
            "            pass\n" +
            "_plant()\n";
        var repo = await GitTestRepository.InitAsync(_temp.Combine("repo"));
        repo.Write("pytest.ini", "[pytest]\n");
        repo.Write("conftest.py", attack);
        await repo.CommitAsync("calc.py", "def add(a, b):\n    return a - b\n", "Start", GitTestRepository.Day(1));
        repo.Write("calc.py", "def add(a, b):\n    return a + b\n");
        await repo.CommitAsync("test_calc.py", "from calc import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n", "Fix add", GitTestRepository.Day(2));
        repo.Write("calc.py", "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a + b\n");
        await repo.CommitAsync("test_calc.py", "from calc import add, sub\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\ndef test_sub():\n    assert sub(1, 1) == 2\n", "Sub", GitTestRepository.Day(3));
        repo.Write("calc.py", "def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n");
        await repo.CommitAsync("test_calc.py", "from calc import add, sub\n\n\ndef test_add():\n    assert add(1, 2) == 3\n\n\ndef test_sub():\n    assert sub(3, 1) == 2\n", "Fix sub", GitTestRepository.Day(4));
        var run = RunFolder.Create(_temp.Combine("run"));

        var summary = await RealTaskMiner.RunAsync(run, new RealTaskOptions { Repository = repo.Path, Offline = true, Runs = 1, Jobs = 1, TestTimeout = TimeSpan.FromMinutes(2) });

        Assert.True(summary.Kept >= 2, $"kept {summary.Kept}; rejected: {string.Join(", ", summary.Rejected)}");
        Assert.False(File.Exists(marker), "a command planted by the test suite ran on the host");
    }

    public void Dispose() => _temp.Dispose();
}
