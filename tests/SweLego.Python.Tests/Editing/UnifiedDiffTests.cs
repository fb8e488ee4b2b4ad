using SweLego.Python.Editing;
using SweLego.Python.Tests.TestSupport;

namespace SweLego.Python.Tests.Editing;

public sealed class UnifiedDiffTests
{
    [Fact]
    public void Create_IdenticalTexts_IsEmpty()
    {
        Assert.Equal(string.Empty, UnifiedDiff.Create("a\n", "a\n", "x", "x"));
    }

    [Fact]
    public void Create_InsertAtTop_UsesZeroLengthRangeBeforeLineOne()
    {
        Assert.Equal("--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+new\n", UnifiedDiff.Create("", "new\n", "x", "x"));
        Assert.Equal("--- a/x\n+++ b/x\n@@ -1 +1,2 @@\n+new\n a\n", UnifiedDiff.Create("a\n", "new\na\n", "x", "x"));
    }

    [Fact]
    public void Create_MissingFinalNewline_IsMarked()
    {
        Assert.Equal(
            "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
            UnifiedDiff.Create("a\nb", "a\nb\n", "x", "x"));
    }

    [Fact]
    public void Create_DistantChanges_MakeSeparateHunks()
    {
        string old = string.Concat(Enumerable.Range(1, 20).Select(i => $"line{i}\n"));
        string changed = old.Replace("line2\n", "two\n", StringComparison.Ordinal).Replace("line19\n", "nineteen\n", StringComparison.Ordinal);
        string diff = UnifiedDiff.Create(old, changed, "f", "f");
        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,5 +1,5 @@", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -16,5 +16,5 @@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MatchesGnuDiffOutput()
    {
        using var temp = new TempDirectory();
        if (temp.Run("diff", "--version").ExitCode != 0)
        {
            return;
        }

        var random = new Random(7);
        for (int round = 0; round < 30; round++)
        {
            var lines = Enumerable.Range(0, random.Next(1, 40)).Select(_ => $"l{random.Next(8)}\n").ToList();
            string old = string.Concat(lines);
            for (int edit = random.Next(1, 6); edit > 0; edit--)
            {
                int at = random.Next(lines.Count + 1);
                switch (random.Next(3))
                {
                    case 0 when lines.Count > 0 && at < lines.Count:
                        lines.RemoveAt(at);
                        break;
                    case 1 when at < lines.Count:
                        lines[at] = $"x{random.Next(5)}\n";
                        break;
                    default:
                        lines.Insert(at, $"n{random.Next(5)}\n");
                        break;
                }
            }

            string changed = string.Concat(lines);
            temp.Write("a/f", System.Text.Encoding.UTF8.GetBytes(old));
            temp.Write("b/f", System.Text.Encoding.UTF8.GetBytes(changed));
            var gnu = temp.Run("diff", "-u", "--label", "a/f", "--label", "b/f", "a/f", "b/f");
            string ours = UnifiedDiff.Create(old, changed, "f", "f");

            // Both are minimal; they may pick different but equally short scripts, so compare the
            // hunk line counts and check that patch applies ours.
            Assert.Equal(gnu.Output.Length == 0, ours.Length == 0);
            temp.Write("ours.patch", System.Text.Encoding.UTF8.GetBytes(ours));
            temp.Write("p/f", System.Text.Encoding.UTF8.GetBytes(old));
            if (ours.Length > 0)
            {
                var applied = temp.Run("patch", "-s", "p/f", "ours.patch");
                Assert.True(applied.ExitCode == 0, applied.Output + ours);
                Assert.Equal(changed, File.ReadAllText(Path.Combine(temp.Path, "p/f")));
                Assert.Equal(
                    gnu.Output.Split('\n').Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)),
                    ours.Split('\n').Count(l => l.StartsWith('+') && !l.StartsWith("+++", StringComparison.Ordinal)));
            }
        }
    }
}
