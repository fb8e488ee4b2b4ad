using SweLego.Tasks.Harness;

namespace SweLego.Tests.Tasks.Harness;

public sealed class HarnessGradingTests
{
    private const string Id = "repo__repo-1";

    private static string Eval(string body, int? exit = null) =>
        "+ git apply -v -\n+ : '>>>>> Start Test Output'\n" + body + "+ : '>>>>> End Test Output'\n"
        + (exit is { } code ? $">>>>> Test Exit Code: {code}\n" : "");

    private static InstanceGrade Grade(string log, string[] f2p, string[] p2p, HarnessVersion version, string parser = "pytest") =>
        HarnessGrading.Grade(Id, "diff", log, parser, f2p, p2p, version);

    [Theory]
    [InlineData(HarnessVersion.V4_0_4)]
    [InlineData(HarnessVersion.V5_0_2)]
    public void Grade_FullPartialNo(HarnessVersion version)
    {
        var log = Eval("PASSED t.py::a\nPASSED t.py::b\nFAILED t.py::c - x\nPASSED t.py::p\n", 1);
        Assert.Equal(ResolutionStatus.Full, Grade(log, ["t.py::a", "t.py::b"], ["t.py::p"], version).Resolution);
        Assert.Equal(ResolutionStatus.Partial, Grade(log, ["t.py::a", "t.py::c"], ["t.py::p"], version).Resolution);
        Assert.Equal(ResolutionStatus.No, Grade(log, ["t.py::c"], ["t.py::p"], version).Resolution);
        Assert.Equal(ResolutionStatus.No, Grade(log, ["t.py::a"], ["t.py::c"], version).Resolution);
    }

    [Fact]
    public void Grade_SkippedTests_4_0_4NeitherList_5_0_2F2PFailsP2PMaintained()
    {
        var log = Eval("SKIPPED t.py::f\nSKIPPED t.py::p\nFAILED t.py::x\n", 1);
        var v4 = Grade(log, ["t.py::f"], ["t.py::p"], HarnessVersion.V4_0_4);
        Assert.True(v4.Resolved);
        Assert.Equal(0, v4.Tests!.FailToPass.Total);
        var v5 = Grade(log, ["t.py::f"], ["t.py::p"], HarnessVersion.V5_0_2);
        Assert.False(v5.Resolved);
        Assert.Equal(["t.py::f"], v5.Tests!.FailToPass.Failure);
        Assert.Equal(["t.py::p"], v5.Tests.PassToPass.Success);
    }

    [Fact]
    public void Grade_TruncatedParametrizedId_5_0_2MatchesByPrefixOnlyWhenAllAgree()
    {
        var agree = Eval("PASSED t.py::test_g[log(photon)]\nPASSED t.py::test_g[log(photon/s)]\nFAILED t.py::z\n", 1);
        var disagree = Eval("PASSED t.py::test_g[log(photon)]\nFAILED t.py::test_g[log(photon/s)]\n", 1);
        string[] truncated = ["t.py::test_g[log(photon"];
        Assert.True(Grade(agree, truncated, [], HarnessVersion.V5_0_2).Resolved);
        Assert.False(Grade(agree, truncated, [], HarnessVersion.V4_0_4).Resolved);
        Assert.Equal(truncated, Grade(disagree, truncated, [], HarnessVersion.V5_0_2).Tests!.FailToPass.Failure);
    }

    [Fact]
    public void Grade_SpoofedPassedLinesWithNonZeroExit_5_0_2InvalidButResolvedUnder4_0_4()
    {
        // The real pytest_rA fixture's captured stdout holds a printed `PASSED ...::test_spoofed`.
        var log = Eval("PASSED t.py::spoofed\n", 1);
        var v5 = Grade(log, ["t.py::spoofed"], [], HarnessVersion.V5_0_2);
        Assert.False(v5.PatchSuccessfullyApplied);
        Assert.False(v5.Resolved);
        Assert.Equal(HarnessLogProblem.NonZeroExitWithoutFailures, v5.Log!.Problem);
        // 4.0.4 has no exit status line and trusts the log.
        Assert.True(Grade(log, ["t.py::spoofed"], [], HarnessVersion.V4_0_4).Resolved);
    }

    [Theory]
    [InlineData(">>>>> Patch Apply Failed")]
    [InlineData(">>>>> Reset Failed")]
    [InlineData(">>>>> Tests Errored")]
    [InlineData(">>>>> Tests Timed Out")]
    public void Grade_FailureMarkerAnywhere_NotAppliedInBothVersions(string marker)
    {
        var log = Eval("PASSED t.py::a\n" + marker + "\n", 0);
        foreach (var version in Enum.GetValues<HarnessVersion>())
        {
            var grade = Grade(log, ["t.py::a"], [], version);
            Assert.False(grade.PatchSuccessfullyApplied);
            Assert.Null(grade.Tests);
            Assert.Equal(HarnessLogProblem.FailureMarker, grade.Log!.Problem);
        }
    }

    [Fact]
    public void Grade_CutOffLog_MissingEndMarkerIsNotApplied()
    {
        var cut = HarnessLogFixtureTests.Fixture("pytest_cutoff.log");
        Assert.DoesNotContain(TestLog.EndMarker, cut, StringComparison.Ordinal);
        foreach (var version in Enum.GetValues<HarnessVersion>())
        {
            var grade = Grade(cut, ["tests/test_cut.py::test_first"], [], version, "pytest_v2");
            Assert.False(grade.PatchSuccessfullyApplied);
            Assert.Equal(HarnessLogProblem.MissingMarkers, grade.Log!.Problem);
        }
    }

    [Fact]
    public void Grade_RanButNoResults_4_0_4UnresolvedAnd5_0_2Invalid()
    {
        var log = Eval("collected 0 items\n", 5);
        var v4 = Grade(log, ["t.py::a"], [], HarnessVersion.V4_0_4);
        Assert.True(v4.PatchSuccessfullyApplied);
        Assert.False(v4.Resolved);
        var v5 = Grade(log, ["t.py::a"], [], HarnessVersion.V5_0_2);
        Assert.False(v5.PatchSuccessfullyApplied);
        Assert.Equal(HarnessLogProblem.NoResults, v5.Log!.Problem);
        Assert.Equal(new InfraFailure("no_tests_collected", false), v5.InfraFailure);
    }

    [Fact]
    public void Grade_ResultsOutsideMarkers_5_0_2FallsBackToTheWholeLog()
    {
        var log = "PASSED t.py::a\n" + Eval("", 0);
        Assert.True(Grade(log, ["t.py::a"], [], HarnessVersion.V5_0_2).Resolved);
        Assert.False(Grade(log, ["t.py::a"], [], HarnessVersion.V4_0_4).Resolved);
    }

    [Fact]
    public void ToReportJson_HarnessKeysOrderAndFormatting()
    {
        var log = Eval("PASSED t.py::a\nFAILED t.py::p\n", 1);
        var v4 = Grade(log, ["t.py::a"], ["t.py::p"], HarnessVersion.V4_0_4).ToReportJson();
        Assert.Equal("""
            {
                "repo__repo-1": {
                    "patch_is_None": false,
                    "patch_exists": true,
                    "patch_successfully_applied": true,
                    "resolved": false,
                    "tests_status": {
                        "FAIL_TO_PASS": {
                            "success": [
                                "t.py::a"
                            ],
                            "failure": []
                        },
                        "PASS_TO_PASS": {
                            "success": [],
                            "failure": [
                                "t.py::p"
                            ]
                        },
                        "FAIL_TO_FAIL": {
                            "success": [],
                            "failure": []
                        },
                        "PASS_TO_FAIL": {
                            "success": [],
                            "failure": []
                        }
                    }
                }
            }
            """, v4);
        var none = HarnessGrading.Grade(Id, null, "", "pytest", ["t.py::a"], [], HarnessVersion.V5_0_2).ToReportJson();
        Assert.Equal("{\n    \"repo__repo-1\": {\n        \"patch_is_None\": true,\n        \"patch_exists\": false,\n        \"patch_successfully_applied\": false,\n        \"resolved\": false,\n        \"infra_failure\": false\n    }\n}", none);
    }

    [Fact]
    public void RunReport_ToJson_HasTheHarnessKeysPerVersion()
    {
        RunInstance[] dataset =
        [
            new("b-2", InstanceVerdict.Unresolved, new InfraFailure("out_of_memory", true)),
            new("a-1", InstanceVerdict.Resolved),
            new("c-3", InstanceVerdict.EmptyPatch),
            new("d-4", InstanceVerdict.Error, new InfraFailure("tests_timed_out", false)),
            new("e-5", InstanceVerdict.Incomplete),
        ];
        string[] predictions = ["a-1", "b-2", "c-3", "d-4", "zz-not-in-dataset"];
        var v4 = RunReport.Build(HarnessVersion.V4_0_4, dataset, predictions);
        var v5 = RunReport.Build(HarnessVersion.V5_0_2, dataset, predictions);

        Assert.Equal(
            ["total_instances", "submitted_instances", "completed_instances", "resolved_instances", "unresolved_instances",
             "empty_patch_instances", "error_instances", "completed_ids", "incomplete_ids", "empty_patch_ids", "submitted_ids",
             "resolved_ids", "unresolved_ids", "error_ids", "schema_version"],
            Keys(v4.ToJson()));
        Assert.Equal(
            ["total_instances", "submitted_instances", "completed_instances", "resolved_instances", "unresolved_instances",
             "infra_failure_instances", "ambiguous_failure_instances", "empty_patch_instances", "error_instances", "completed_ids",
             "incomplete_ids", "empty_patch_ids", "submitted_ids", "resolved_ids", "unresolved_ids", "infra_failure_ids",
             "ambiguous_failure_ids", "failure_reasons", "error_ids", "schema_version", "unstopped_instances", "unstopped_containers",
             "unremoved_images"],
            Keys(v5.ToJson()));
        Assert.Equal(5, v4.SubmittedIds.Count);
        Assert.Equal(["a-1", "b-2"], v4.CompletedIds);
        Assert.Equal(["e-5"], v4.IncompleteIds);
        Assert.Equal(["b-2"], v5.InfraFailureIds);
        Assert.Equal(["d-4"], v5.AmbiguousFailureIds);
        Assert.EndsWith("\"schema_version\": 2,\n    \"unstopped_instances\": 0,\n    \"unstopped_containers\": [],\n    \"unremoved_images\": []\n}\n", v5.ToJson(), StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => RunReport.Build(HarnessVersion.V5_0_2, [new("a-1", InstanceVerdict.Incomplete)], ["a-1"]));
    }

    private static string[] Keys(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}
