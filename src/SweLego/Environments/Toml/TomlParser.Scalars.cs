using System.Globalization;

namespace SweLego.Environments.Toml;

/// <summary>
/// Bare scalars: booleans, integers, floats and dates/times. The token is scanned first and then
/// validated as a whole, so an error can quote what the user wrote.
/// </summary>
internal sealed partial class TomlParser
{
    private TomlValue ParseScalar()
    {
        var start = _pos;
        while (IsScalarChar(Current))
        {
            _pos++;
        }

        // "1979-05-27 07:32:00": TOML allows a space between date and time, which would otherwise end the token.
        if (_pos - start == 10 && IsDate(_text.AsSpan(start, 10)) && Current == ' '
            && char.IsAsciiDigit(Peek(1)) && char.IsAsciiDigit(Peek(2)) && Peek(3) == ':')
        {
            _pos++;
            while (IsScalarChar(Current))
            {
                _pos++;
            }
        }

        if (_pos == start)
        {
            throw Error(start, $"expected a value, found {Describe(start)}");
        }

        var token = _text[start.._pos];
        switch (token)
        {
            case "true": return new TomlBoolean(true);
            case "false": return new TomlBoolean(false);
            case "inf" or "+inf": return new TomlFloat(double.PositiveInfinity);
            case "-inf": return new TomlFloat(double.NegativeInfinity);
            case "nan" or "+nan" or "-nan": return new TomlFloat(double.NaN);
        }

        if (token.Length >= 5 && IsDigits(token.AsSpan(0, 4)) && token[4] == '-')
        {
            return ParseDateTime(token, start);
        }

        if (token.Length >= 3 && IsDigits(token.AsSpan(0, 2)) && token[2] == ':')
        {
            var (time, end) = ParseTime(token, 0, start);
            return end == token.Length ? new TomlLocalTime(time) : throw Error(start, $"invalid time '{token}'");
        }

        if (char.IsAsciiLetter(token[0]))
        {
            throw Error(start, $"invalid value '{token}' (strings must be quoted)");
        }

        return ParseNumber(token, start);
    }

    private static bool IsScalarChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '+' or '-';

    private TomlValue ParseNumber(string token, int start)
    {
        var i = token[0] is '+' or '-' ? 1 : 0;
        if (i + 1 < token.Length && token[i] == '0' && token[i + 1] is 'x' or 'o' or 'b')
        {
            return i == 1
                ? throw Error(start, $"invalid number '{token}': a sign is not allowed on hexadecimal, octal or binary integers")
                : ParseRadixInteger(token, start);
        }

        var intStart = i;
        if (!ScanDigits(token, ref i, start, 10))
        {
            throw Error(start, $"invalid number '{token}'");
        }

        if (token[intStart] == '0' && i - intStart > 1)
        {
            throw Error(start, $"invalid number '{token}': leading zeros are not allowed");
        }

        var isFloat = false;
        if (i < token.Length && token[i] == '.')
        {
            isFloat = true;
            i++;
            if (!ScanDigits(token, ref i, start, 10))
            {
                throw Error(start, $"invalid number '{token}': a decimal point must be followed by digits");
            }
        }

        if (i < token.Length && token[i] is 'e' or 'E')
        {
            isFloat = true;
            i++;
            if (i < token.Length && token[i] is '+' or '-')
            {
                i++;
            }

            if (!ScanDigits(token, ref i, start, 10))
            {
                throw Error(start, $"invalid number '{token}': an exponent must have digits");
            }
        }

        if (i != token.Length)
        {
            throw Error(start, $"invalid number '{token}'");
        }

        var clean = token.Replace("_", "", StringComparison.Ordinal);
        if (isFloat)
        {
            // .NET Core 3.0+ parses out-of-range values to ±infinity rather than failing.
            return new TomlFloat(double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return long.TryParse(clean, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? new TomlInteger(value)
            : throw Error(start, $"integer '{token}' does not fit in 64 bits");
    }

    private TomlInteger ParseRadixInteger(string token, int start)
    {
        var radix = token[1] switch { 'x' => 16, 'o' => 8, _ => 2 };
        var i = 2;
        if (!ScanDigits(token, ref i, start, radix) || i != token.Length)
        {
            throw Error(start, $"invalid base-{radix} integer '{token}'");
        }

        ulong value = 0;
        foreach (var c in token.AsSpan(2))
        {
            if (c == '_')
            {
                continue;
            }

            var digit = (ulong)HexValue(c);
            if (value > (long.MaxValue - digit) / (ulong)radix)
            {
                throw Error(start, $"integer '{token}' does not fit in 64 bits");
            }

            value = (value * (ulong)radix) + digit;
        }

        return new TomlInteger((long)value);
    }

    /// <summary>Advances over digits of <paramref name="radix"/>, allowing single underscores between digits; true when any digit was read.</summary>
    private bool ScanDigits(string token, ref int i, int start, int radix)
    {
        var begin = i;
        while (i < token.Length)
        {
            if (IsDigit(token[i], radix))
            {
                i++;
            }
            else if (token[i] == '_')
            {
                if (i == begin || !IsDigit(token[i - 1], radix) || i + 1 >= token.Length || !IsDigit(token[i + 1], radix))
                {
                    throw Error(start + i, $"invalid number '{token}': an underscore must sit between two digits");
                }

                i++;
            }
            else
            {
                break;
            }
        }

        return i > begin;
    }

    private static bool IsDigit(char c, int radix)
    {
        var value = HexValue(c);
        return value >= 0 && value < radix;
    }

    private TomlValue ParseDateTime(string token, int start)
    {
        if (token.Length < 10 || !IsDate(token.AsSpan(0, 10)))
        {
            throw Error(start, $"invalid date '{token}': expected YYYY-MM-DD");
        }

        var year = Number(token, 0, 4);
        var month = Number(token, 5, 2);
        var day = Number(token, 8, 2);
        if (year == 0)
        {
            // The grammar allows it, but no .NET date type can hold year 0000.
            throw Error(start, $"invalid date '{token[..10]}': year 0000 is not supported");
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            throw Error(start, $"invalid date '{token[..10]}': no such day");
        }

        var date = new DateOnly(year, month, day);
        if (token.Length == 10)
        {
            return new TomlLocalDate(date);
        }

        if (token[10] is not ('T' or 't' or ' '))
        {
            throw Error(start + 10, $"invalid date-time '{token}': expected 'T' or a space between date and time");
        }

        var (time, i) = ParseTime(token, 11, start);
        var local = date.ToDateTime(time);
        if (i == token.Length)
        {
            return new TomlLocalDateTime(local);
        }

        TimeSpan offset;
        if (token[i] is 'Z' or 'z' && i + 1 == token.Length)
        {
            offset = TimeSpan.Zero;
        }
        else if (token[i] is '+' or '-' && i + 6 == token.Length && IsDigits(token.AsSpan(i + 1, 2)) && token[i + 3] == ':'
            && IsDigits(token.AsSpan(i + 4, 2)) && Number(token, i + 1, 2) <= 23 && Number(token, i + 4, 2) <= 59)
        {
            offset = new TimeSpan(Number(token, i + 1, 2), Number(token, i + 4, 2), 0);
            offset = token[i] == '-' ? -offset : offset;
        }
        else
        {
            throw Error(start + i, $"invalid date-time '{token}': expected 'Z' or an offset like +01:00 after the time");
        }

        // DateTimeOffset only covers offsets up to ±14:00 and instants within years 1-9999.
        if (Math.Abs(offset.TotalHours) > 14)
        {
            throw Error(start + i, $"date-time '{token}': offsets beyond ±14:00 are not supported");
        }

        var utcTicks = local.Ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            throw Error(start, $"date-time '{token}' is outside the supported range");
        }

        return new TomlOffsetDateTime(new DateTimeOffset(local, offset));
    }

    /// <summary>Reads HH:MM:SS with an optional fraction (seconds are required in TOML 1.0).</summary>
    private (TimeOnly Time, int End) ParseTime(string token, int i, int start)
    {
        if (token.Length < i + 8 || !IsDigits(token.AsSpan(i, 2)) || token[i + 2] != ':' || !IsDigits(token.AsSpan(i + 3, 2))
            || token[i + 5] != ':' || !IsDigits(token.AsSpan(i + 6, 2)))
        {
            throw Error(start + i, $"invalid time in '{token}': expected HH:MM:SS");
        }

        var hour = Number(token, i, 2);
        var minute = Number(token, i + 3, 2);
        var second = Number(token, i + 6, 2);
        if (hour > 23 || minute > 59 || second > 59)
        {
            throw Error(start + i, second == 60 && hour <= 23 && minute <= 59
                ? $"invalid time in '{token}': leap seconds are not supported"
                : $"invalid time in '{token}': hour, minute or second out of range");
        }

        var ticks = new TimeSpan(hour, minute, second).Ticks;
        i += 8;
        if (i < token.Length && token[i] == '.')
        {
            var fractionStart = ++i;
            while (i < token.Length && char.IsAsciiDigit(token[i]))
            {
                i++;
            }

            if (i == fractionStart)
            {
                throw Error(start + i, $"invalid time in '{token}': a decimal point must be followed by digits");
            }

            // 100 ns ticks hold seven digits; finer digits are dropped (TOML allows truncation).
            var digits = token.AsSpan(fractionStart, Math.Min(i - fractionStart, 7));
            ticks += int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) * (long)Math.Pow(10, 7 - digits.Length);
        }

        return (new TimeOnly(ticks), i);
    }

    private static bool IsDate(ReadOnlySpan<char> text) =>
        IsDigits(text[..4]) && text[4] == '-' && IsDigits(text.Slice(5, 2)) && text[7] == '-' && IsDigits(text.Slice(8, 2));

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(string token, int index, int length) =>
        int.Parse(token.AsSpan(index, length), NumberStyles.None, CultureInfo.InvariantCulture);
}
