namespace SweLego.Tasks.Harness;

/// <summary>
/// One instance graded as the harness's get_eval_report grades it: the report's flags, the graded
/// test groups (null when the log gave nothing to grade), what was read from the log, and 5.0.2's
/// advisory infrastructure guess. <see cref="ToReportJson"/> writes the harness's report.json.
/// </summary>
public sealed record InstanceGrade(
    string InstanceId,
    HarnessVersion Version,
    bool PatchIsNone,
    bool PatchExists,
    bool PatchSuccessfullyApplied,
    bool Resolved,
    GradeReport? Tests,
    HarnessLog? Log,
    InfraFailure? InfraFailure)
{
    /// <summary>FULL / PARTIAL / NO when tests were graded; null when the log gave nothing to grade.</summary>
    public ResolutionStatus? Resolution => Tests?.Resolution;

    /// <summary>How the harness's run report counts this instance (it has a report, so never an error).</summary>
    public InstanceVerdict Verdict => Resolved ? InstanceVerdict.Resolved : InstanceVerdict.Unresolved;

    /// <summary>
    /// `{instance_id: {patch_is_None, patch_exists, patch_successfully_applied, resolved,
    /// [infra_failure, infra_failure_reason (5.0.2)], tests_status}}` with the harness's keys in its
    /// order, formatted as its `json.dumps(report, indent=4)`. tests_status holds FAIL_TO_PASS,
    /// PASS_TO_PASS, FAIL_TO_FAIL, PASS_TO_FAIL, each `{success, failure}`, and is absent when the
    /// patch was None or the log gave nothing to grade, as in the harness.
    /// </summary>
    public string ToReportJson()
    {
        var fields = new List<KeyValuePair<string, object?>>
        {
            new("patch_is_None", PatchIsNone),
            new("patch_exists", PatchExists),
            new("patch_successfully_applied", PatchSuccessfullyApplied),
            new("resolved", Resolved),
        };
        if (Version == HarnessVersion.V5_0_2)
        {
            fields.Add(new("infra_failure", InfraFailure?.Environment == true));
            if (InfraFailure is not null)
            {
                fields.Add(new("infra_failure_reason", InfraFailure.Reason));
            }
        }
        if (Tests is not null)
        {
            fields.Add(new("tests_status", new KeyValuePair<string, object?>[]
            {
                new("FAIL_TO_PASS", Group(Tests.FailToPass)),
                new("PASS_TO_PASS", Group(Tests.PassToPass)),
                new("FAIL_TO_FAIL", Group(Tests.FailToFail)),
                new("PASS_TO_FAIL", Group(Tests.PassToFail)),
            }));
        }
        return PythonJson.Dumps(new KeyValuePair<string, object?>[] { new(InstanceId, fields) });
    }

    private static KeyValuePair<string, object?>[] Group(TestGroupResult group) =>
        [new("success", group.Success), new("failure", group.Failure)];
}
