using SweLego.Tasks.Real;

namespace SweLego.Tests.Tasks.Real;

/// <summary>Which changed files count as tests (the patch split depends on it) and how each runner names a test file.</summary>
public sealed class TestPathsTests
{
    [Theory]
    [InlineData("tests/test_calc.py")]
    [InlineData("tests/helpers.py")]
    [InlineData("tests/data/input.json")]
    [InlineData("src/pkg/testing/util.py")]
    [InlineData("e2e/flow.py")]
    [InlineData("test/fixtures.txt")]
    [InlineData("test_calc.py")]
    [InlineData("pkg/calc_test.py")]
    [InlineData("pkg/tests.py")]
    [InlineData("conftest.py")]
    [InlineData("src/conftest.py")]
    public void IsTestPath_TestFolderOrTestFileName_True(string path) => Assert.True(TestPaths.IsTestPath(path));

    [Theory]
    [InlineData("pkg/calc.py")]
    [InlineData("tests")]
    [InlineData("pkg/testsuite.py")]
    [InlineData("pkg/latest/calc.py")]
    [InlineData("pkg/contest.py")]
    [InlineData("docs/test_plan.md")]
    [InlineData("Tests/test_plan.txt")]
    [InlineData("pkg/testutils.py")]
    public void IsTestPath_SourceOrLookalike_False(string path) => Assert.False(TestPaths.IsTestPath(path));

    [Theory]
    [InlineData("tests/test_calc.py", true)]
    [InlineData("pkg/calc_test.py", true)]
    [InlineData("app/tests.py", true)]
    [InlineData("tests/conftest.py", false)]
    [InlineData("tests/helpers.py", false)]
    [InlineData("tests/test_data.json", false)]
    [InlineData("test_.pyc", false)]
    public void IsTestModule_OnlyFilesARunnerCollects(string path, bool expected) => Assert.Equal(expected, TestPaths.IsTestModule(path));

    [Theory]
    [InlineData("pytest", "tests/unit/test_calc.py", "tests/unit/test_calc.py")]
    [InlineData("unittest", "tests/unit/test_calc.py", "tests.unit.test_calc")]
    [InlineData("django", "tests/auth/test_views.py", "auth.test_views")]
    [InlineData("django", "django/contrib/tests.py", "django.contrib.tests")]
    [InlineData("sympy", "sympy/core/tests/test_basic.py", "sympy/core/tests/test_basic.py")]
    public void TestTarget_Framework_RunnerForm(string framework, string path, string expected) =>
        Assert.Equal(expected, TestPaths.TestTarget(framework, path));

    [Fact]
    public void IsTestPath_Null_Throws() => Assert.Throws<ArgumentNullException>(() => TestPaths.IsTestPath(null!));
}
