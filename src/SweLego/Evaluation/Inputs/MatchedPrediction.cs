namespace SweLego.Evaluation.Inputs;

/// <summary>A prediction and the instance it is graded against.</summary>
public sealed record MatchedPrediction(EvaluationInstance Instance, Prediction Prediction);
