using SweLego.Python;
using SweLego.Python.Semantics;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// A procedural bug: a small, stably named transformation of one function's syntax tree
/// (SWE-smith's procedural modifiers). Deterministic: the same module and function always give
/// the same candidates in the same order; the pipeline picks among them with a seeded Random.
/// </summary>
public interface IBugMutator
{
    /// <summary>Stable id used in instance ids and reports, e.g. <c>py.flip_comparison</c>.</summary>
    string Id { get; }

    /// <summary>One sentence on what the mutation does to the code.</summary>
    string Explanation { get; }

    /// <summary>
    /// Every distinct mutation of <paramref name="target"/> in <paramref name="source"/> (empty when
    /// the mutator does not apply). Only code inside the function body changes (not nested
    /// functions or classes), and each candidate's content parses without diagnostics.
    /// </summary>
    IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target);
}
