using SweLego.Evaluation;
using SweLego.Runs;

namespace SweLego.Tests.TestSupport;

/// <summary>Re-validation as <c>tasks validate</c> does it (gold patch FULL, every FAIL_TO_PASS fails without it), asserted for a whole run.</summary>
internal static class Revalidation
{
    public static async Task AssertAllHoldAsync(RunFolder run)
    {
        var summary = await TaskValidation.RunAsync(run, new TaskValidationOptions { Jobs = 2 });
        Assert.NotEmpty(summary.Verdicts);
        Assert.All(summary.Verdicts, v => Assert.True(v.Holds, $"{v.InstanceId}: {v.Problem}"));
    }
}
