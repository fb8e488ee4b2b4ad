using System.Globalization;
using SweLego.Python;
using SweLego.Python.Semantics;
using SweLego.Python.Syntax;

namespace SweLego.Tasks.Synthetic.Mutators;

/// <summary>
/// <c>py.change_default_arg</c>: one literal parameter default changes: a number ±1, <c>True</c> ↔
/// <c>False</c>, a non-empty string → <c>""</c>. <c>None</c> and other expressions are left alone.
/// </summary>
public sealed class ChangeDefaultArgMutator : IBugMutator
{
    public string Id => "py.change_default_arg";

    public string Explanation => "Changes one literal parameter default: a number by ±1, True ↔ False, a non-empty string to an empty one.";

    public IReadOnlyList<BugCandidate> Candidates(ParsedModule source, PythonFunction target)
    {
        var builder = new CandidateBuilder(Id, source, target);
        foreach (var parameter in target.Parameters.Parameters)
        {
            if (parameter.Default is not { } value)
            {
                continue;
            }

            string line = MutatorSyntax.Format(MutatorSyntax.Line(value));
            foreach (string replacement in Replacements(value))
            {
                builder.Add($"default of `{parameter.Name}` `{value.Text}` → `{replacement}` at line {line}",
                    editor => editor.Replace(value, replacement));
            }
        }

        return builder.Candidates;
    }

    private static IEnumerable<string> Replacements(ExpressionSyntax value)
    {
        switch (value)
        {
            case LiteralExpressionSyntax { Kind: SyntaxKind.TrueLiteral }:
                return ["False"];
            case LiteralExpressionSyntax { Kind: SyntaxKind.FalseLiteral }:
                return ["True"];
            case StringLiteralSyntax { HasFormatting: false } text when text.Text.Length > 0:
                bool bytes = text.IsBytes;
                return (bytes ? text.Text.Length > 3 : text.Value is { Length: > 0 }) ? [bytes ? "b\"\"" : "\"\""] : [];
        }

        if (Number(value) is not { } number)
        {
            return [];
        }

        return [Format(number + 1), Format(number - 1)];
    }

    private static decimal? Number(ExpressionSyntax value)
    {
        bool negative = false;
        if (value is UnaryExpressionSyntax { Operator: TokenKind.Minus } unary)
        {
            negative = true;
            value = unary.Operand;
        }

        if (value.Kind != SyntaxKind.NumberLiteral)
        {
            return null;
        }

        string text = value.Text;
        bool simple = text.Length is > 0 and <= 15 && text.All(c => char.IsAsciiDigit(c) || c == '.')
            && text.Count(c => c == '.') <= 1 && char.IsAsciiDigit(text[0]) && (text.Length == 1 || text[0] != '0' || text[1] == '.');
        if (!simple)
        {
            return null;
        }

        decimal number = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return negative ? -number : number;
    }

    private static string Format(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
