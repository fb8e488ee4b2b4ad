namespace SweLego.Evaluation.Inputs;

/// <summary>Why an item of an input file was skipped.</summary>
public enum InputProblemKind
{
    /// <summary>Not JSON, not an object, or a field of the wrong type.</summary>
    Malformed,

    /// <summary>A field the evaluation cannot do without is absent or null (FAIL_TO_PASS, instance_id).</summary>
    MissingField,

    /// <summary>The same instance (or instance and rollout, or identical line) was already read.</summary>
    Duplicate,
}
