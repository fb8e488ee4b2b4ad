using System.Text;
using SweLego.Models;
using SweLego.Tasks.Synthetic.Prompts;

namespace SweLego.Tasks.Synthetic.ProblemStatements;

/// <summary>
/// Writes a synthetic task's problem statement from its failing tests (FAIL_TO_PASS ids) and the
/// pytest <c>-rA</c> log of the run where they fail. Without a model: <see cref="FromTemplate"/>, a
/// list of the tests with their error lines. With one: an issue-style text from an embedded prompt
/// that forbids revealing the fix; when the model fails, the template is used and the result says so.
/// Neither path ever sees the patch or the changed source.
/// </summary>
public sealed class ProblemStatementWriter(IModelClient? model = null)
{
    /// <summary>The model's statement, or the template when there is no model or it fails.</summary>
    public async Task<ProblemStatement> WriteAsync(IReadOnlyList<string> failToPass, string pytestLog, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failToPass);
        ArgumentNullException.ThrowIfNull(pytestLog);
        var reports = PytestFailureLog.Extract(pytestLog, failToPass);
        if (model is null)
        {
            return new ProblemStatement(Render(reports), FromModel: false, FellBack: false, ModelError: null);
        }

        var reply = await model.CompleteAsync([ModelMessage.User(Prompt(reports))], cancellationToken).ConfigureAwait(false);
        string? error = reply.TextFailure ?? Check(reply.Text);
        return error is null
            ? new ProblemStatement(reply.Text.Trim() + "\n", FromModel: true, FellBack: false, ModelError: null)
            : new ProblemStatement(Render(reports), FromModel: false, FellBack: true, ModelError: error);
    }

    /// <summary>The statement without a model: the failing tests and, for each, its error lines.</summary>
    public static ProblemStatement FromTemplate(IReadOnlyList<string> failToPass, string pytestLog)
    {
        ArgumentNullException.ThrowIfNull(failToPass);
        ArgumentNullException.ThrowIfNull(pytestLog);
        return new ProblemStatement(Render(PytestFailureLog.Extract(pytestLog, failToPass)), false, false, null);
    }

    /// <summary>The prompt sent to the model (one user message).</summary>
    public static string Prompt(IReadOnlyList<TestFailureReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        return PromptTemplates.Render(PromptTemplates.ProblemStatement, new Dictionary<string, string>
        {
            ["count"] = reports.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["tests"] = string.Join('\n', reports.Select(r => $"- {r.TestId}")),
            ["failures"] = Failures(reports).TrimEnd(),
        });
    }

    private static string Render(IReadOnlyList<TestFailureReport> reports)
    {
        var text = new StringBuilder();
        text.Append(reports.Count == 1 ? "One test fails" : $"{reports.Count} tests fail")
            .Append(" and should pass. Fix the code so that ").Append(reports.Count == 1 ? "it passes" : "they pass")
            .Append(" without breaking other tests.\n\nFailing tests:\n");
        foreach (var report in reports)
        {
            text.Append("- `").Append(report.TestId).Append("`\n");
        }

        text.Append('\n').Append(Failures(reports));
        return text.ToString().TrimEnd() + "\n";
    }

    private static string Failures(IReadOnlyList<TestFailureReport> reports)
    {
        var text = new StringBuilder();
        foreach (var report in reports)
        {
            text.Append("## `").Append(report.TestId).Append("`\n\n");
            if (report.IsEmpty)
            {
                text.Append("(the test log has no failure output for this test)\n\n");
                continue;
            }

            text.Append("```\n");
            foreach (var line in report.SummaryLines.Concat(report.ErrorLines))
            {
                text.Append(line.Replace("```", "'''", StringComparison.Ordinal)).Append('\n');
            }

            text.Append("```\n\n");
        }

        return text.ToString();
    }

    /// <summary>Rejects a reply that is empty or carries a patch (a reply that reveals the fix).</summary>
    private static string? Check(string reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return "the model's reply is empty";
        }

        foreach (var marker in (string[])["diff --git", "\n+++ ", "\n--- a/", "\n@@ -"])
        {
            if (("\n" + reply).Contains(marker, StringComparison.Ordinal))
            {
                return "the model's reply contains a patch";
            }
        }

        return null;
    }
}
