using System.Text.RegularExpressions;
using SweLego.Evaluation.Inputs;

namespace SweLego.Evaluation;

/// <summary>
/// SweLego's own reading of a test log for failures of the environment rather than of the patch:
/// a module missing at import time that the repository does not contain (a dependency the
/// environment lacks). The verdict stays the harness's; this is reported beside it.
/// </summary>
internal static partial class InfrastructureDiagnosis
{
    /// <summary>A one-line diagnosis, or null when the log shows nothing the environment caused.</summary>
    public static string? Of(string log, EvaluationInstance instance)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(instance);
        foreach (Match match in MissingModule().Matches(log))
        {
            string module = match.Groups["module"].Value;
            string top = module.Split('.')[0];
            // A module the gold patch or test patch adds is the patch's business, not the environment's.
            if (Mentions(instance.Patch, top) || Mentions(instance.TestPatch, top)) continue;
            return $"environment lacks module '{module}' (ModuleNotFoundError while collecting tests)";
        }

        return null;
    }

    // A path ending in the module's folder or file anywhere in the patch (`b/pkg/mod.py`, `src/mod.py`).
    private static bool Mentions(string patch, string module) =>
        patch.Contains($"/{module}/", StringComparison.Ordinal) || patch.Contains($"/{module}.py", StringComparison.Ordinal);

    [GeneratedRegex(@"ModuleNotFoundError: No module named '(?<module>[A-Za-z_][A-Za-z0-9_.]*)'")]
    private static partial Regex MissingModule();
}
