using SweLego.Runs;
using SweLego.Tasks;
using SweLego.Tasks.Real;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Tasks.Real;

/// <summary>What <c>tasks real</c> must produce from the sample history with its PR file (samples/README.md), on any backend.</summary>
internal static class SampleTaskExpectations
{
    public static (List<TaskInstance> Instances, List<RealTaskRejection> Rejections) Read(RunFolder run) =>
        (JsonlReader.Read<TaskInstance>(run.StagePath(RealTaskMiner.Stage, RealTaskMiner.InstancesFile), RunJson.Options).ToList(),
         JsonlReader.Read<RealTaskRejection>(run.StagePath(RealTaskMiner.Stage, RealTaskMiner.RejectedFile), RunJson.Options).ToList());

    public static void AssertOutcome(SampleHistory history, RealTaskSummary summary, List<TaskInstance> instances, List<RealTaskRejection> rejections)
    {
        Assert.Equal("local/tally", summary.Repo);
        Assert.Equal(8, summary.Candidates);
        Assert.True(summary.Kept == 5, "kept " + summary.Kept + "; rejected: " + string.Join("\n", rejections.Select(r => $"{r.CandidateId} {r.Kind}: {r.Reason}")));
        var byCommit = instances.ToDictionary(i => i.FixCommit!);
        Assert.Equal(5, byCommit.Count);

        // Merged PRs take the place of their commits and bring their text; bare commits carry their message, marked weak.
        var median = byCommit[history.Commit("fix-median")];
        Assert.Equal("local__tally-4", median.InstanceId);
        Assert.Equal("pr", median.Source);
        Assert.False(median.ProblemStatementWeak);
        Assert.StartsWith("Fix median for lists with an even number of values", median.ProblemStatement, StringComparison.Ordinal);
        Assert.Equal(["tests/test_stats.py::test_median_even"], median.FailToPass);
        Assert.Equal(19, median.PassToPass.Count);
        Assert.DoesNotContain("tests/test_stats.py::test_median_even", median.PassToPass);
        Assert.Equal(["tests/test_stats.py"], median.TestFiles);
        Assert.Equal(history.Commit("initial"), median.BaseCommit);

        var money = byCommit[history.Commit("fix-money")];
        Assert.Equal("local__tally-10", money.InstanceId);
        Assert.Equal(["tests/test_money.py::test_split_amount_distributes_remainder", "tests/test_money.py::test_split_amount_negative_total"], money.FailToPass);
        Assert.Equal(13, money.PassToPass.Count);

        var slugify = byCommit[history.Commit("fix-slugify")];
        Assert.Equal($"local__tally-{history.Commit("fix-slugify")[..12]}", slugify.InstanceId);
        Assert.Equal("commit", slugify.Source);
        Assert.True(slugify.ProblemStatementWeak);
        Assert.StartsWith("[fix-slugify] textutil: slugify turns a run of punctuation into one separator", slugify.ProblemStatement, StringComparison.Ordinal);
        Assert.Equal(["tests/test_textutil.py::test_slugify_punctuation"], slugify.FailToPass);
        Assert.Equal(15, slugify.PassToPass.Count);
        Assert.Equal("2024-03-05T12:00:00Z", slugify.CreatedAt);

        // A new test file that cannot be imported before the fix: all its tests are FAIL_TO_PASS.
        var gaps = byCommit[history.Commit("feature-intervals")];
        Assert.Equal(5, gaps.FailToPass.Count);
        Assert.All(gaps.FailToPass, t => Assert.StartsWith("tests/test_intervals_gaps.py::", t, StringComparison.Ordinal));
        Assert.Empty(gaps.PassToPass);

        // The flaky test is found by the repeated runs and used in neither list.
        var flaky = byCommit[history.Commit("flaky")];
        Assert.Equal(["tests/test_inventory.py::test_remove_more_than_stock_raises"], flaky.FailToPass);
        Assert.Equal(["tests/test_inventory.py::test_restock_notification_is_timely"], flaky.Flaky);
        Assert.Equal(11, flaky.PassToPass.Count);
        Assert.DoesNotContain("tests/test_inventory.py::test_restock_notification_is_timely", flaky.PassToPass);

        foreach (var instance in instances)
        {
            Assert.Equal(instance.Environment.Id, instance.Version);
            Assert.DoesNotContain("tests/", instance.Patch, StringComparison.Ordinal);
            Assert.StartsWith("diff --git a/tests/", instance.TestPatch, StringComparison.Ordinal);
            Assert.True(instance.Timings.Tests > 0 && instance.Timings.Tests <= instance.Timings.Total);
        }

        var rejected = rejections.ToDictionary(r => r.FixCommit!);
        Assert.Equal(3, rejected.Count);
        Assert.Equal(RejectionKind.BinaryPatch, rejected[history.Commit("binary")].Kind);
        Assert.Contains("tally/data/table.bin", rejected[history.Commit("binary")].Reason, StringComparison.Ordinal);
        var incompatible = rejected[history.Commit("needs-missing-module")];
        Assert.Equal(RejectionKind.EnvironmentIncompatible, incompatible.Kind);
        Assert.Contains("collection error", incompatible.Reason, StringComparison.Ordinal);
        Assert.Contains("tally_testing_plugins", incompatible.Evidence, StringComparison.Ordinal);
        Assert.Equal(RejectionKind.NoFailToPass, rejected[history.Commit("refactor")].Kind);
    }
}
