using System.Text.RegularExpressions;

namespace SweLego.Tasks.Harness;

/// <summary>
/// 5.0.2's advisory guess at why an instance produced no gradable result (`infra_failure_reason`
/// in its report, `failure_reasons` in the run report): the first of its log signatures that
/// matches. Advisory only: the instance stays unresolved or an error.
/// </summary>
/// <param name="Reason">The harness's reason id (`out_of_memory`, `no_tests_collected`, ...).</param>
/// <param name="Environment">True for the "environment" tier (cannot come from a patch), false for "ambiguous".</param>
public sealed record InfraFailure(string Reason, bool Environment)
{
    private static readonly (string Reason, bool Environment, Regex Pattern)[] Signatures =
    [
        ("browser_launch_failed", true, new(@"Failed to launch|Failed to connect to the bus", RegexOptions.Multiline)),
        ("display_unavailable", true, new(@"cannot open display|Missing X server|unable to open X display", RegexOptions.Multiline)),
        ("out_of_memory", true, new(@"Cannot allocate memory|OutOfMemoryError|^Killed$", RegexOptions.Multiline)),
        ("container_unavailable", true, new(@"Error response from daemon|Cannot connect to the Docker daemon", RegexOptions.Multiline)),
        ("network_unreachable", true, new(@"Could not resolve host|Temporary failure in name resolution", RegexOptions.Multiline)),
        ("missing_module", false, new(@"Cannot find module|MODULE_NOT_FOUND|ModuleNotFoundError", RegexOptions.Multiline)),
        ("no_tests_collected", false, new(@"no tests ran|collected 0 items", RegexOptions.Multiline)),
        ("tests_timed_out", false, new(@"Timeout error: \d+ seconds exceeded", RegexOptions.Multiline)),
    ];

    /// <summary>
    /// Classifies the logs' text (the harness joins test_output.txt and, in the run report,
    /// run_instance.log with a newline); null when nothing matches.
    /// </summary>
    public static InfraFailure? Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // The harness reads the logs in Python's text mode: `\r\n` and `\r` arrive as `\n` (`^Killed$`).
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var (reason, environment, pattern) in Signatures)
        {
            if (pattern.IsMatch(text))
            {
                return new InfraFailure(reason, environment);
            }
        }
        return null;
    }
}
