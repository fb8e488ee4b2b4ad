using System.Globalization;

namespace SweLego.Environments.Build;

/// <summary>
/// Sizes written for humans: a number (decimals allowed) and a unit, B, KB, MB, GB, TB (powers
/// of 1000) or KiB, MiB, GiB, TiB (powers of 1024), case-insensitive, an optional space between;
/// a bare number is bytes. "500MB", "20GB", "1.5GiB", "0".
/// </summary>
public static class ByteSize
{
    public const string Forms = "a number and a unit: B, KB, MB, GB, TB (×1000) or KiB, MiB, GiB, TiB (×1024), e.g. 500MB, 20GB, 1.5GiB";

    private static readonly (string Unit, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("TiB", 1L << 40),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("TB", 1_000_000_000_000),
        ("B", 1),
    ];

    /// <summary>Parses <paramref name="text"/>; false for anything else, negative numbers and sizes beyond 8 EiB.</summary>
    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        long factor = 1;
        foreach (var (unit, unitFactor) in Units)
        {
            if (value.EndsWith(unit, StringComparison.OrdinalIgnoreCase))
            {
                value = value[..^unit.Length].TrimEnd();
                factor = unitFactor;
                break;
            }
        }

        if (value.Length == 0 || !char.IsAsciiDigit(value[0]) && value[0] != '.'
            || !decimal.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            return false;
        }

        if (number > (decimal)long.MaxValue / factor)
        {
            return false;
        }

        bytes = (long)decimal.Round(number * factor, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws a <see cref="FormatException"/> naming the accepted forms.</summary>
    public static long Parse(string text) =>
        TryParse(text, out var bytes) ? bytes : throw new FormatException($"'{text}' is not a size: expected {Forms}.");

    /// <summary>Decimal units with one decimal ("2.0 MB", "415.3 MB", "999 B").</summary>
    public static string Format(long bytes)
    {
        if (Math.Abs(bytes) < 1000)
        {
            return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        }

        string[] units = ["KB", "MB", "GB", "TB", "PB", "EB"];
        double value = bytes;
        int index = -1;
        while (Math.Abs(value) >= 1000 && index < units.Length - 1)
        {
            value /= 1000;
            index++;
        }

        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[index];
    }
}
