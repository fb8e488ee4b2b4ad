namespace SweLego.Tasks.Synthetic.ProblemStatements;

/// <summary>
/// A task's problem statement. <see cref="FromModel"/> says a model wrote it; otherwise it is the
/// template, and <see cref="FellBack"/> says the model was asked but failed (<see cref="ModelError"/> says why).
/// </summary>
public sealed record ProblemStatement(string Text, bool FromModel, bool FellBack, string? ModelError);
