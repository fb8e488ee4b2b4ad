using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary><c>py.swap_call_args</c>: two adjacent positional arguments of a call trade places.</summary>
public sealed class SwapCallArgsMutator : IBugMutator
{
    public string Id => "py.swap_call_args";

    public string Explanation => "Swaps two adjacent positional arguments of one call.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var call in MutatorSyntax.BodyNodes<CallExpressionSyntax>(target))
        {
            var arguments = call.Arguments.Arguments;
            for (int i = 0; i + 1 < arguments.Count; i++)
            {
                var first = arguments[i];
                var second = arguments[i + 1];
                if (first.ArgumentKind != ArgumentKind.Positional || second.ArgumentKind != ArgumentKind.Positional
                    || first.Value is ComprehensionSyntax || second.Value is ComprehensionSyntax
                    || string.Equals(first.Text, second.Text, StringComparison.Ordinal))
                {
                    continue;
                }

                string firstText = first.Text;
                string secondText = second.Text;
                string line = MutatorSyntax.Format(MutatorSyntax.Line(first));
                builder.Add($"swapped arguments `{MutatorSyntax.Shorten(firstText)}` and `{MutatorSyntax.Shorten(secondText)}` of `{MutatorSyntax.Shorten(call.Function.Text)}` at line {line}",
                    editor => editor.Replace(first, secondText).Replace(second, firstText));
            }
        }

        return builder.Candidates;
    }
}
