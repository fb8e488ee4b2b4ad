using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class TestLogParsersTests
{
    [Fact]
    public void Get_EachKnownName_ReturnsParserWithThatName()
    {
        Assert.Equal(["pytest", "pytest_v2", "pytest_options", "pytest_nodeid", "django", "unittest", "sympy"], TestLogParsers.Names);
        foreach (var name in TestLogParsers.Names)
        {
            Assert.Equal(name, TestLogParsers.Get(name).Name);
        }
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingKnownNames()
    {
        var error = Assert.Throws<ArgumentException>(() => TestLogParsers.Get("nose"));

        Assert.StartsWith("unknown test log parser 'nose'; known parsers: pytest, pytest_v2, pytest_options, pytest_nodeid, django, unittest, sympy", error.Message, StringComparison.Ordinal);
    }
}
