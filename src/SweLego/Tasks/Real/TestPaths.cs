namespace SweLego.Tasks.Real;

/// <summary>
/// Which changed files are tests, and how a test file is named on the test command line of
/// each framework (spec §5: pytest takes paths, Django's runner and unittest take dotted modules).
/// </summary>
public static class TestPaths
{
    private static readonly string[] TestFolderNames = ["test", "tests", "testing", "e2e"];
    private static readonly HashSet<string> TestDirectories = new(TestFolderNames, StringComparer.Ordinal);

    /// <summary>Where test files are looked for, for messages that say so.</summary>
    public static string Description { get; } =
        $"Python files in a {string.Join("/", TestFolderNames)} folder or named test_*.py, *_test.py, tests.py or conftest.py";

    /// <summary>A file under a test/tests/testing/e2e folder, or a test_*.py / *_test.py / tests.py / conftest.py file.</summary>
    public static bool IsTestPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/');
        if (segments[..^1].Any(TestDirectories.Contains)) return true;
        return IsTestModule(path) || segments[^1] == "conftest.py";
    }

    /// <summary>A Python file a test runner collects: test_*.py, *_test.py or tests.py.</summary>
    public static bool IsTestModule(string path)
    {
        string name = Path.GetFileName(path);
        return name.EndsWith(".py", StringComparison.Ordinal)
            && (name.StartsWith("test_", StringComparison.Ordinal) || name.EndsWith("_test.py", StringComparison.Ordinal) || name == "tests.py");
    }

    /// <summary>
    /// The argument naming <paramref name="path"/> for <paramref name="framework"/>: the path for
    /// pytest, the dotted module for unittest, and for Django the dotted module relative to
    /// <c>tests/</c> (its runner's label form, e.g. <c>tests/auth/test_views.py</c> → <c>auth.test_views</c>).
    /// </summary>
    public static string TestTarget(string framework, string path) => framework switch
    {
        "django" => Dotted(path.StartsWith("tests/", StringComparison.Ordinal) ? path["tests/".Length..] : path),
        "unittest" => Dotted(path),
        _ => path,
    };

    private static string Dotted(string path) => path[..^".py".Length].Replace('/', '.');
}
