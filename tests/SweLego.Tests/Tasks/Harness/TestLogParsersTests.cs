using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class TestLogParsersTests
{
    [Fact]
    public void Get_EachKnownName_ReturnsParserWithThatName()
    {
        Assert.Equal(["pytest", "pytest_v2", "pytest_options", "django", "sympy", "matplotlib", "seaborn", "pytest_nodeid", "unittest", "django_strict"], TestLogParsers.Names);
        foreach (var name in TestLogParsers.Names)
        {
            foreach (var version in Enum.GetValues<HarnessVersion>())
            {
                Assert.Equal(name, TestLogParsers.Get(name, version).Name);
            }
        }
        Assert.Equal("pytest_v2", TestLogParsers.Get("parse_log_astropy").Name);
        Assert.Equal("django", TestLogParsers.Get("parse_log_django").Name);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => TestLogParsers.Get("nose"));

        Assert.StartsWith("unknown test log parser 'nose'; known parsers: pytest, pytest_v2, pytest_options, django, sympy, matplotlib, seaborn, pytest_nodeid, unittest, django_strict", error.Message, StringComparison.Ordinal);
    }
}
