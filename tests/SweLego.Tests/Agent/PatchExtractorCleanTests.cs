using SweLego.Agent;

namespace SweLego.Tests.Agent;

public sealed class PatchExtractorCleanTests
{
    private const string Text = "diff --git a/x.py b/x.py\nindex 1..2 100644\n--- a/x.py\n+++ b/x.py\n@@ -1 +1 @@\n-a\n+b\n";
    private const string Binary = "diff --git a/img.png b/img.png\nnew file mode 100644\nindex 0000000..1111111\nBinary files /dev/null and b/img.png differ\n";

    [Fact]
    public void Clean_DropsBinaryDiffsBetweenTextOnes() =>
        Assert.Equal(Text + Text.Replace("x.py", "y.py", StringComparison.Ordinal), PatchExtractor.Clean(Text + Binary + Text.Replace("x.py", "y.py", StringComparison.Ordinal)));

    [Fact]
    public void Clean_NormalizesCrlf_DropsPreamble_EndsWithOneNewline() =>
        Assert.Equal(Text, PatchExtractor.Clean("warning: something\r\n" + Text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\n\n  \n"));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("no diff here\n")]
    public void Clean_NothingToApply_IsEmpty(string diff) => Assert.Equal("", PatchExtractor.Clean(diff));

    [Fact]
    public void Clean_OnlyBinary_IsEmpty() => Assert.Equal("", PatchExtractor.Clean(Binary));
}
