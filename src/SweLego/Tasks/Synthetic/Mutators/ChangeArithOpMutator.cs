using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.change_arith_op</c>: one arithmetic operator (binary or augmented assignment) is replaced:
/// + ↔ −, * → /, / → * and //, // → /, % → //. String operands (concatenation, %-formatting) are skipped.
/// </summary>
public sealed class ChangeArithOpMutator : IBugMutator
{
    public string Id => "py.change_arith_op";

    public string Explanation => "Replaces one arithmetic operator: + ↔ -, * → /, / → * or //, // → /, % → // (also in augmented assignments).";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var node in MutatorSyntax.BodyNodes(target))
        {
            SyntaxToken token;
            bool augmented;
            switch (node)
            {
                case BinaryExpressionSyntax binary when binary.Left is not StringLiteralSyntax && binary.Right is not StringLiteralSyntax:
                    (token, augmented) = (binary.OperatorToken, false);
                    break;
                case AugmentedAssignmentStatementSyntax assignment when assignment.Value is not StringLiteralSyntax:
                    (token, augmented) = (assignment.OperatorToken, true);
                    break;
                default:
                    continue;
            }

            string op = augmented ? token.Text[..^1] : token.Text;
            string[] replacements = op switch
            {
                "+" => ["-"],
                "-" => ["+"],
                "*" => ["/"],
                "/" => ["*", "//"],
                "//" => ["/"],
                "%" => ["//"],
                _ => [],
            };
            string line = MutatorSyntax.Format(MutatorSyntax.Line(token));
            foreach (string replacement in replacements)
            {
                string text = augmented ? replacement + "=" : replacement;
                builder.Add($"`{token.Text}` → `{text}` at line {line}", editor => editor.Replace(token, text));
            }
        }

        return builder.Candidates;
    }
}
