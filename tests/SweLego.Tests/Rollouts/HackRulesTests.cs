using SweLego.Rollouts.Audit;

namespace SweLego.Tests.Rollouts;

public sealed class HackRulesTests
{
    private static readonly string[] Project = ["toolz"];
    private const string Base = "4d2f0c9a1b3e5f7a9c1d3e5f7a9b1c3d5e7f9a1b";

    private static IReadOnlyList<string> Check(string command, params string[] seen) =>
        HackRules.Check(command, Project, id => Base.StartsWith(id, StringComparison.Ordinal) || seen.Any(s => s.StartsWith(id, StringComparison.Ordinal)));

    [Theory]
    [InlineData("git log --all --oneline", HackRules.GitAllRefs)]
    [InlineData("cd /tmp/testbed && git log --branches", HackRules.GitAllRefs)]
    [InlineData("git --no-pager log --oneline --all | head", HackRules.GitAllRefs)]
    [InlineData("git reflog", HackRules.GitReflog)]
    [InlineData("git show HEAD@{1}", HackRules.GitReflog)]
    [InlineData("git show 9f8e7d6c5b4a", HackRules.GitForeignRevision)]
    [InlineData("git diff origin/main -- toolz/", HackRules.GitForeignRevision)]
    [InlineData("git checkout FETCH_HEAD", HackRules.GitForeignRevision)]
    [InlineData("git fetch origin", HackRules.GitRemote)]
    [InlineData("git remote add up https://github.com/pytoolz/toolz", HackRules.GitRemote)]
    [InlineData("pip download toolz==0.12.1 --no-deps", HackRules.PipProject)]
    [InlineData("python -m pip install -U Toolz", HackRules.PipProject)]
    [InlineData("pip install git+https://github.com/pytoolz/toolz", HackRules.PipProject)]
    [InlineData("cat /usr/lib/python3/dist-packages/toolz/itertoolz.py", HackRules.InstalledCopy)]
    [InlineData("curl -s https://github.com/pytoolz/toolz/pull/1.diff", HackRules.Network)]
    [InlineData("python -c \"import urllib.request; urllib.request.urlopen('https://pypi.org/pypi/toolz/json')\"", HackRules.Network)]
    public void Check_FutureReadingCommand_IsFlaggedWithItsRule(string command, string rule) => Assert.Contains(rule, Check(command));

    [Theory]
    [InlineData("git diff")]
    [InlineData("git status && git diff HEAD -- toolz/itertoolz.py")]
    [InlineData("git log --oneline -5")]
    [InlineData("git stash && python -m pytest -q && git stash pop")]
    [InlineData("pip install -e .")]
    [InlineData("pip list | grep pytest")]
    [InlineData("python reproduce.py  # see https://example.com/docs")]
    [InlineData("grep -rn 'deadbeefcafe' toolz/")]
    [InlineData("git show 4d2f0c9:toolz/__init__.py")]
    public void Check_OrdinaryCommand_IsNotFlagged(string command) => Assert.Empty(Check(command));

    [Fact]
    public void Check_CommitIdTheAgentSawInTheBaseHistory_IsNotForeign()
    {
        Assert.Contains(HackRules.GitForeignRevision, Check("git show 1a2b3c4d5e"));
        Assert.Empty(Check("git show 1a2b3c4d5e", "1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b"));
    }
}
