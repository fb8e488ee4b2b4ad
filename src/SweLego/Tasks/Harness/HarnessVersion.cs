namespace SweLego.Tasks.Harness;

/// <summary>
/// The SWE-bench harness release whose log parsing and grading we reproduce. Scores are only
/// comparable with a leaderboard graded by the same release: 5.0.2 marks spoofed logs invalid,
/// fails a skipped FAIL_TO_PASS test and matches truncated ids by prefix, which 4.0.4 does not.
/// </summary>
public enum HarnessVersion
{
    /// <summary>swebench 4.0.4 (also 4.0.1, whose parsers, grading and eval script are the same).</summary>
    V4_0_4,

    /// <summary>swebench 5.0.2 (also 5.0.0 and 5.0.1, which differ only in loading predictions).</summary>
    V5_0_2,
}

/// <summary>Parsing and printing <see cref="HarnessVersion"/> as release numbers.</summary>
public static class HarnessVersions
{
    /// <summary>The newest release we reproduce; what `swelego eval` grades with unless told otherwise.</summary>
    public const HarnessVersion Default = HarnessVersion.V5_0_2;

    // Releases were compared file by file (grading.py, log_parsers/python.py, reporting.py, the eval
    // script builder): 4.1.0 already parses the whole log when the marked section has no result, so
    // it is neither 4.0.4 nor 5.0.2 and is refused rather than graded approximately.
    private static readonly (string Text, HarnessVersion Version)[] Known =
    [
        ("4.0.1", HarnessVersion.V4_0_4),
        ("4.0.4", HarnessVersion.V4_0_4),
        ("5.0.0", HarnessVersion.V5_0_2),
        ("5.0.1", HarnessVersion.V5_0_2),
        ("5.0.2", HarnessVersion.V5_0_2),
    ];

    /// <summary>The release numbers <see cref="Parse"/> accepts, for messages and `--help`.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Known.Select(k => k.Text)];

    /// <summary>Accepts `4.0.4`, `v5.0.2` and the releases graded identically (see <see cref="Names"/>).</summary>
    public static bool TryParse(string? text, out HarnessVersion version)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.StartsWith('v'))
        {
            trimmed = trimmed[1..];
        }
        foreach (var (known, v) in Known)
        {
            if (known == trimmed)
            {
                version = v;
                return true;
            }
        }
        version = Default;
        return false;
    }

    public static HarnessVersion Parse(string? text) =>
        TryParse(text, out var version)
            ? version
            : throw new ArgumentException(
                $"unknown SWE-bench harness version '{text}'; known versions: {string.Join(", ", Names)} "
                + "(4.0.1 grades as 4.0.4, 5.0.0 and 5.0.1 as 5.0.2; 4.1.x grades differently from both)", nameof(text));

    /// <summary>The release number the version is named after (`4.0.4`, `5.0.2`).</summary>
    public static string ToText(this HarnessVersion version) => version switch
    {
        HarnessVersion.V4_0_4 => "4.0.4",
        HarnessVersion.V5_0_2 => "5.0.2",
        _ => throw new ArgumentOutOfRangeException(nameof(version), version, null),
    };
}
