using SweLego.Tests.Environments;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Cli;

/// <summary><c>swelego env survey</c> as a user runs it: a table, the rate, exit 1 when any commit failed.</summary>
[Collection(ConsoleTestGroup.Name)]
public sealed class EnvSurveyCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new("swelego-survey-cli-");

    [Fact]
    public async Task Survey_PrintsTheTableAndTheRate()
    {
        string hatch = await ProjectLayout.Hatch.CreateAsync(_folder.Path);
        string extension = await ProjectLayout.CExtension.CreateAsync(_folder.Path);
        string notGit = _folder.Combine("plain");
        Directory.CreateDirectory(notGit);

        var (exit, stdout, stderr) = await CliRunner.RunAsync("env", "survey", hatch, extension, notGit, "--offline", "--envs", _folder.Combine("envs"));

        Assert.Equal(1, exit);
        Assert.Contains("hatch", stdout, StringComparison.Ordinal);
        Assert.Contains("built by fallback", stdout, StringComparison.Ordinal);
        Assert.Contains("needs a compiler (setup.py:6: ext_modules)", stdout, StringComparison.Ordinal);
        Assert.Contains("not a git repository with a commit", stdout, StringComparison.Ordinal);
        Assert.Contains("Success: 1 of 3 (33%); 1 by the source install.", stdout, StringComparison.Ordinal);
        Assert.Contains("hatch@", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--history", "0")]
    [InlineData("--jobs", "0")]
    public async Task Survey_BadCount_IsAUsageError(string option, string value)
    {
        var (exit, _, stderr) = await CliRunner.RunAsync("env", "survey", _folder.Path, option, value);
        Assert.Equal(2, exit);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
