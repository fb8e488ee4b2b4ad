namespace SweLego.Curation.Masking;

/// <summary>Which assistant turns a mask rule looks at (YAML <c>turn:</c> <c>call</c>, <c>malformed</c>, <c>no-call</c>).</summary>
public enum TurnKind
{
    /// <summary>A call that was run (its observation is the tool's answer or an error observation).</summary>
    Call,

    /// <summary>A reply whose call could not be processed (<see cref="Agent.Trajectories.TrajectoryStep.CallError"/> set).</summary>
    Malformed,

    /// <summary>A reply without a call (the model was sent the continue message).</summary>
    NoCall,
}
