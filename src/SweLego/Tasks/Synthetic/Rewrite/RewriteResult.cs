namespace SweLego.Tasks.Synthetic.Rewrite;

/// <summary>
/// The outcome of one <see cref="LlmRewriter"/> call: a <see cref="Candidate"/>, or a
/// <see cref="Failure"/> reason (<c>model error: …</c>, <c>reply has no Python code</c>,
/// <c>reply does not define NAME</c>, <c>rewrite does not parse: LINE:COL MESSAGE</c>,
/// <c>rewrite is unchanged</c>, or why the function cannot be rewritten). <see cref="Reply"/> is
/// the model's text, when there was one, for logs.
/// </summary>
public sealed record RewriteResult
{
    public BugCandidate? Candidate { get; init; }

    public string? Failure { get; init; }

    public string? Reply { get; init; }

    public bool Success => Candidate is not null;

    public static RewriteResult Of(BugCandidate candidate, string reply) => new() { Candidate = candidate, Reply = reply };

    public static RewriteResult Failed(string failure, string? reply = null) => new() { Failure = failure, Reply = reply };
}
