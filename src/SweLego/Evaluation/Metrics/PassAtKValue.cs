namespace SweLego.Evaluation.Metrics;

/// <summary>Pass@k of a group: the estimator's mean over its instances.</summary>
public sealed record PassAtKValue(int K, double Value);
