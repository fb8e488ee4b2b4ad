using SweLego.Python;
using SweLego.Python.Editing;
using SweLego.Python.Semantics;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// Collects the candidates of one mutator for one function: applies each single-site edit, drops
/// edits that change nothing, cannot be stored in the file's encoding, do not parse, or repeat an
/// earlier candidate's content, and keeps the rest in the order they were proposed.
/// </summary>
internal sealed class CandidateBuilder
{
    private readonly string method;
    private readonly ParsedModule source;
    private readonly PythonFunction target;
    private readonly List<BugCandidate> candidates = [];
    private readonly HashSet<string> seen = new(StringComparer.Ordinal);

    public CandidateBuilder(string method, ParsedModule source, PythonFunction target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        this.method = method;
        this.source = source;
        this.target = target;
    }

    public IReadOnlyList<BugCandidate> Candidates => candidates;

    public void Add(string description, Action<SourceEditor> edit)
    {
        var editor = source.Edit();
        edit(editor);
        var result = editor.Apply(source.Path);
        if (!result.HasChanges || result.EncodingError is not null || !seen.Add(result.NewText))
        {
            return;
        }

        if (PythonSource.Parse(result.NewBytes, source.Path).HasErrors)
        {
            return;
        }

        candidates.Add(new BugCandidate(method, source.Path ?? string.Empty, target.QualifiedName, description, result.NewBytes));
    }
}
