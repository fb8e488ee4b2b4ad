using System.Diagnostics;
using SweLego.Sandboxes;

namespace SweLego.Tests.Sandboxes;

/// <summary><see cref="BashQuoting"/> against a real bash: every quoted value comes back byte for byte.</summary>
public sealed class BashQuotingTests
{
    public static TheoryData<string> Values => new()
    {
        "", "plain", "two words", "it's", "''", "'\"'\"'", "$HOME", "$(touch /tmp/swelego-quoting-pwned)", "`id`", "a\nb", "tab\there",
        "*", "~", "!event", "back\\slash", "semi;colon && rm -rf /", "tests/test_x.py::test_a[1 - 2]", "ünïcödé ✓", "-n",
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Quote_AnyValue_BashSeesExactlyIt(string value)
    {
        Assert.Equal(value, await EchoAsync(BashQuoting.Quote(value)));
        Assert.Equal(value, await EchoAsync(BashQuoting.QuoteIfNeeded(value)));
        Assert.False(File.Exists("/tmp/swelego-quoting-pwned"));
    }

    [Fact]
    public async Task Join_SeveralValues_OneWordEach()
    {
        string[] values = ["a b", "", "c'd", "$x"];
        Assert.Equal(string.Concat(values.Select(v => v + "\n")), await EchoAsync(BashQuoting.Join(values), format: "%s\\n"));
    }

    [Theory]
    [InlineData("tests/test_a.py", "tests/test_a.py")]
    [InlineData("a=b,c@d%e+f:g", "a=b,c@d%e+f:g")]
    [InlineData("a b", "'a b'")]
    [InlineData("", "''")]
    [InlineData("x[1]", "'x[1]'")]
    public void QuoteIfNeeded_PlainWordsStayAsTheyAre(string value, string expected) =>
        Assert.Equal(expected, BashQuoting.QuoteIfNeeded(value));

    // printf prints each argument as one %s: a value split or expanded by bash would show.
    private static async Task<string> EchoAsync(string words, string format = "%s")
    {
        var info = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--norc");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"printf '{format}' {words}");
        using var process = Process.Start(info)!;
        string output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await process.StandardError.ReadToEndAsync());
        return output;
    }
}
