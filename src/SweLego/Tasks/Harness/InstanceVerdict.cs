namespace SweLego.Tasks.Harness;

/// <summary>How the harness's run report counts one dataset instance.</summary>
public enum InstanceVerdict
{
    /// <summary>Its report.json says resolved.</summary>
    Resolved,

    /// <summary>It has a report.json that does not say resolved (including `patch_successfully_applied: false`).</summary>
    Unresolved,

    /// <summary>Its prediction's model_patch is empty or null: not run at all.</summary>
    EmptyPatch,

    /// <summary>Predicted but no report.json: the patch did not apply, the tests timed out, the harness's parser raised, ...</summary>
    Error,

    /// <summary>No prediction for it.</summary>
    Incomplete,
}

/// <summary>One dataset instance's verdict, and for 5.0.2 the advisory infrastructure guess made from its logs.</summary>
public sealed record RunInstance(string InstanceId, InstanceVerdict Verdict, InfraFailure? Failure = null);
