using SweLego.Curation;
using SweLego.Curation.Masking;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Curation.Masking;

/// <summary>A whole episode's decisions, hand-checked and pinned as the text <c>swelego curate explain</c> prints.</summary>
public sealed class MaskingExplanationTests
{
    /// <summary>An agent fixing tally's parse_duration: explores, misfires, reproduces, edits, tests, finishes (19 turns).</summary>
    private static TurnScript Episode() => new TurnScript()
        .Bash("cd /testbed && ls", "README.md  pyproject.toml  src  tests")
        .Bash("grep -rn \"def parse_duration\" /testbed/tally", "grep: /testbed/tally: No such file or directory", 2)
        .Bash("grep -rn \"def parse_duration\" /testbed/src", "/testbed/src/tally/parse.py:38:def parse_duration(text):")
        .Bash("grep -rn \"parse_hours\" /testbed/src", "", 1)
        .Editor("view", "/testbed/src/tally/parse.py", "Here's the result of running `cat -n` on /testbed/src/tally/parse.py:\n    38\tdef parse_duration(text):\n    39\t    return int(text)\n")
        .Create("/testbed/reproduce_issue.py", "from tally.parse import parse_duration\nprint(parse_duration('5m'))\n")
        .Bash("cd /testbed && python reproduce_issue.py", "Traceback (most recent call last):\n  File \"/testbed/reproduce_issue.py\", line 2, in <module>\n" +
            "    print(parse_duration('5m'))\n  File \"/testbed/src/tally/parse.py\", line 39, in parse_duration\n    return int(text)\n" +
            "ValueError: invalid literal for int() with base 10: '5m'", 1)
        .Think("Units are ignored; map s/m/h to seconds.")
        .Malformed("<function=str_replace_editor>\n<parameter=command>str_replace</parameter>\n<parameter=pth>/testbed/src/tally/parse.py</parameter>\n</function>")
        .EditorError("str_replace", "/testbed/src/tally/parse.py", "No replacement was performed, old_str `return int(txt)` did not appear verbatim in /testbed/src/tally/parse.py.")
        .Editor("str_replace", "/testbed/src/tally/parse.py", "The file /testbed/src/tally/parse.py has been edited. Review the changes and make sure they are as expected. Edit the file again if necessary.")
        .Bash("cd /testbed && python -c 'import tally'", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n" +
            "  File \"/testbed/src/tally/parse.py\", line 40\n    if text[-1] in UNITS\n                        ^\nSyntaxError: expected ':'", 1)
        .Editor("undo_edit", "/testbed/src/tally/parse.py", "Last edit to /testbed/src/tally/parse.py undone successfully.")
        .Editor("str_replace", "/testbed/src/tally/parse.py", "The file /testbed/src/tally/parse.py has been edited. Review the changes and make sure they are as expected. Edit the file again if necessary.")
        .Bash("cd /testbed && python reproduce_issue.py", "300")
        .BashStillRunning("cd /testbed && python -m pytest tests/", "tests/test_parse.py ........", timeoutSeconds: 60)
        .Bash("set -o pipefail; cd /testbed && python -m pytest -x tests/test_parse.py | tail -5", "FAILED tests/test_parse.py::test_plain - ValueError\n1 failed, 11 passed in 0.21s", 1)
        .NoCall("The remaining failure is a test expecting the old behaviour.")
        .Finish("parse_duration now understands s/m/h units.");

    [Fact]
    public void Render_Episode_MatchesTheHandCheckedGolden()
    {
        var trajectory = Episode().Build();
        var decisions = new StepMasker(MaskingRules.Default).Decide(trajectory);
        Assert.Equal(
            [false, true, false, false, false, false, false, false, true, true, false, true, false, false, false, true, false, false, false],
            decisions.Select(d => d.Masked));
        GoldenFile.AssertMatches("episode-decisions.txt", string.Join('\n', MaskingExplanation.Render(trajectory, decisions)) + "\n");
    }

    [Fact]
    public void Render_DecisionsOfAnotherTrajectory_Refused()
    {
        var trajectory = Episode().Build();
        Assert.Throws<ArgumentException>(() => MaskingExplanation.Render(trajectory, [new TurnDecision(1, false, TurnDecision.Clean)]));
    }
}
