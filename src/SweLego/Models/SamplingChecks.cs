namespace SweLego.Models;

/// <summary>
/// The ranges shared by <see cref="ModelClientOptions"/> (defaults) and <see cref="ModelRequest"/>
/// (per-call values): each check throws <see cref="ArgumentException"/> naming the property.
/// </summary>
internal static class SamplingChecks
{
    /// <summary>The longest attempt either may ask for; the transport's own timeout sits above it.</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(1);

    public static void Temperature(double? value, string name)
    {
        if (value is { } t && (double.IsNaN(t) || t < 0 || t > 2))
        {
            throw new ArgumentException($"{name} must be between 0 and 2, not {t}.");
        }
    }

    public static void TopP(double? value, string name)
    {
        if (value is { } p && (double.IsNaN(p) || p <= 0 || p > 1))
        {
            throw new ArgumentException($"{name} must be more than 0 and at most 1, not {p}.");
        }
    }

    public static void MaxTokens(int? value, string name)
    {
        if (value is < 1)
        {
            throw new ArgumentException($"{name} must be at least 1, not {value}.");
        }
    }

    public static void Timeout(TimeSpan? value, string name)
    {
        if (value is { } span && (span <= TimeSpan.Zero || span > MaxTimeout))
        {
            throw new ArgumentException($"{name} must be more than 0 and at most 1 hour, not {span}.");
        }
    }
}
