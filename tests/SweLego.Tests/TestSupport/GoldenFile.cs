using System.Runtime.CompilerServices;

namespace SweLego.Tests.TestSupport;

/// <summary>
/// Golden files: expected texts kept next to the test that pins them (<c>Golden/NAME</c>, copied to the
/// output folder). A deliberate change regenerates them: <c>SWELEGO_UPDATE_GOLDEN=1</c> rewrites the
/// files in the source tree, to be reviewed in the diff like code.
/// </summary>
public static class GoldenFile
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string testFolder = Path.GetDirectoryName(testFile)!;
        if (Environment.GetEnvironmentVariable("SWELEGO_UPDATE_GOLDEN") == "1")
            File.WriteAllText(Path.Combine(testFolder, "Golden", name), actual);

        string relative = Path.GetRelativePath(Path.GetDirectoryName(SourceRoot())!, testFolder);
        Assert.Equal(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, relative, "Golden", name)), actual);
    }

    // This file's folder is TestSupport/ under the test project's folder, which the output mirrors.
    private static string SourceRoot([CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;
}
