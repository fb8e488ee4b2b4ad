using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SweLego.Cli;

/// <summary>
/// Every numeric option of every verb is made here, so that a bad value (not a number, NaN,
/// Infinity, 1e10, out of range) is one usage error (exit 2) naming the option and the accepted
/// range, at parse time, before any work or run folder exists. The range is also appended to the
/// option's help text.
/// </summary>
internal static class NumericOptions
{
    /// <summary>The longest time limit any option accepts: 30 days.</summary>
    public const double MaxSeconds = 30 * 24 * 3600;

    // Every error reads "NAME: 'VALUE' is outside the accepted range: RANGE." (tests and users grep for it).
    private const string OutsideRange = "is outside the accepted range: ";

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>, default <paramref name="defaultValue"/>.</summary>
    public static Option<int> Whole(string name, string helpName, string description, int minimum, int maximum, int defaultValue, params string[] aliases) => new(name, aliases)
    {
        Description = WithRange(description, $"{minimum} to {maximum}"),
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWhole(result, name, minimum, maximum) ?? defaultValue,
    };

    /// <summary>An optional whole number from <paramref name="minimum"/> to <paramref name="maximum"/> (null when not given).</summary>
    public static Option<int?> OptionalWhole(string name, string helpName, string description, int minimum, int maximum) => new(name)
    {
        Description = WithRange(description, $"{minimum} to {maximum}"),
        HelpName = helpName,
        CustomParser = result => ParseWhole(result, name, minimum, maximum),
    };

    /// <summary>A time limit in seconds, above 0 and at most <see cref="MaxSeconds"/>.</summary>
    public static Option<double> Seconds(string name, string description, double defaultValue, params string[] aliases) => new(name, aliases)
    {
        Description = WithRange(description, $"above 0, at most {MaxSeconds:0} = 30 days"),
        HelpName = "SECONDS",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string text = Text(result);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds) && seconds > 0 && seconds <= MaxSeconds)
                return seconds;
            result.AddError($"{name}: '{text}' {OutsideRange}seconds above 0 and at most {MaxSeconds:0} (30 days).");
            return defaultValue;
        },
    };

    /// <summary>An optional decimal number from <paramref name="minimum"/> to <paramref name="maximum"/> (null when not given).</summary>
    public static Option<double?> OptionalNumber(string name, string helpName, string description, double minimum, double maximum) => new(name)
    {
        Description = WithRange(description, $"{minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}"),
        HelpName = helpName,
        CustomParser = result =>
        {
            string text = Text(result);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= minimum && value <= maximum) return value;
            result.AddError($"{name}: '{text}' {OutsideRange}a number from {minimum.ToString(CultureInfo.InvariantCulture)} to {maximum.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        },
    };

    /// <summary>A share from 0 to 1 (decimal), default <paramref name="defaultValue"/>.</summary>
    public static Option<double> Fraction(string name, string helpName, string description, double defaultValue) => new(name)
    {
        Description = WithRange(description, "0 to 1"),
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            string text = Text(result);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double share) && share is >= 0 and <= 1) return share;
            result.AddError($"{name}: '{text}' {OutsideRange}a number from 0 to 1.");
            return defaultValue;
        },
    };

    private static int? ParseWhole(ArgumentResult result, string name, int minimum, int maximum)
    {
        string text = Text(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value) && value >= minimum && value <= maximum) return value;
        result.AddError($"{name}: '{text}' {OutsideRange}a whole number from {minimum} to {maximum}.");
        return null;
    }

    // "Candidates validated at once." → "Candidates validated at once (1 to 256)."
    private static string WithRange(string description, string range) => $"{description.TrimEnd('.')} ({range}).";

    private static string Text(ArgumentResult result) => result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
}
