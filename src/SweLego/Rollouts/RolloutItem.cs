using SweLego.Evaluation.Inputs;

namespace SweLego.Rollouts;

/// <summary>One rollout to run: an instance and the rollout's id (0 to K − 1).</summary>
public sealed record RolloutItem(EvaluationInstance Instance, string RolloutId)
{
    public string Key => Evaluation.EvaluationKeys.Key(Instance.InstanceId, RolloutId);
}
