using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class TestLogTests
{
    [Fact]
    public void Extract_TracedMarkers_ReturnsOnlyTheLinesBetween()
    {
        const string log = "+ git apply -v test.patch\n+ : '>>>>> Start Test Output'\nPASSED a\nFAILED b\n+ : '>>>>> End Test Output'\nPASSED c\n";

        var section = TestLog.Extract(log);

        Assert.Equal("PASSED a\nFAILED b\n", section.Output);
        Assert.Null(section.Problem);
    }

    [Fact]
    public void Extract_EmptySection_ReturnsEmptyOutput()
    {
        var section = TestLog.Extract($"{TestLog.StartMarker}\n{TestLog.EndMarker}\n");

        Assert.Equal("", section.Output);
        Assert.True(section.HasOutput);
    }

    [Fact]
    public void Extract_NoStartMarker_ReportsProblem()
    {
        var section = TestLog.Extract("error: patch failed\n");

        Assert.Null(section.Output);
        Assert.Contains("start marker", section.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_EndMarkerOnlyBeforeStart_ReportsMissingEnd()
    {
        var section = TestLog.Extract($"{TestLog.EndMarker}\n{TestLog.StartMarker}\nPASSED a\n");

        Assert.Null(section.Output);
        Assert.Contains("end marker", section.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_MarkerTextPrintedAfterEnd_IsIgnored()
    {
        var section = TestLog.Extract($"{TestLog.StartMarker}\nPASSED a\n{TestLog.EndMarker}\nPASSED b\n{TestLog.EndMarker}\n");

        Assert.Equal("PASSED a\n", section.Output);
    }
}
