namespace SweLego.Sandboxes;

/// <summary>
/// Values put into a bash command line. Every path, test id or argument that goes into a
/// command a session runs passes through <see cref="Quote"/>: single quotes keep everything
/// literal (<c>$</c>, backquotes, spaces, newlines, globs), and a single quote inside becomes
/// <c>'\''</c>. Hand-made quoting elsewhere is a bug.
/// </summary>
public static class BashQuoting
{
    private const string PlainPunctuation = "-_./=:,@%+";

    /// <summary>One bash word that stands for exactly <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Like <see cref="Quote"/>, but a value of only letters, digits and <c>-_./=:,@%+</c> stays as it is (for command lines people read).</summary>
    public static string QuoteIfNeeded(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || PlainPunctuation.Contains(c)) ? value : Quote(value);
    }

    /// <summary>The values as quoted words separated by spaces.</summary>
    public static string Join(IEnumerable<string> values) => string.Join(' ', values.Select(Quote));
}
