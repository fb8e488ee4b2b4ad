namespace SweLego.Tasks.Synthetic.Coverage;

/// <summary>
/// One function of the repository: its file (repository-relative, '/' separators) and its
/// qualified name as SweLego.Python names it (<c>PythonFunction.QualifiedName</c>, e.g.
/// <c>Counter.add.&lt;locals&gt;.clamp</c>), the same pair a <see cref="BugCandidate"/> names.
/// </summary>
public sealed record FunctionKey(string File, string QualifiedName)
{
    public override string ToString() => $"{File}::{QualifiedName}";
}
