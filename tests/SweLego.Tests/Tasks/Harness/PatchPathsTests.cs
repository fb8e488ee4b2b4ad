using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class PatchPathsTests
{
    [Fact]
    public void Targets_GitAndPlainUnifiedDiffs_EveryPathEitherSide()
    {
        const string patch =
            "diff --git a/src/old.py b/src/new.py\nsimilarity index 90%\nrename from src/old.py\nrename to src/new.py\n" +
            "diff --git a/tests/test_x.py b/tests/test_x.py\n--- a/tests/test_x.py\n+++ b/tests/test_x.py\n@@ -1 +1 @@\n-a\n+b\n" +
            "--- orig/tests/test_y.py\t2024-01-01 00:00:00\r\n+++ new/tests/test_y.py\t2024-01-01 00:00:01\r\n@@ -1 +1 @@\n-a\n+b\n" +
            "diff --git a/added.py b/added.py\nnew file mode 100644\n--- /dev/null\n+++ b/added.py\n@@ -0,0 +1 @@\n+x\n";

        var paths = PatchPaths.Targets(patch);

        Assert.Equal(new[] { "added.py", "src/new.py", "src/old.py", "tests/test_x.py", "tests/test_y.py" }, paths!.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Targets_QuotedName_UnknownSoNull()
    {
        Assert.Null(PatchPaths.Targets("diff --git \"a/t\\303\\251st.py\" \"b/t\\303\\251st.py\"\n--- \"a/t\\303\\251st.py\"\n"));
    }
}
