using System.Globalization;
using System.Text;

namespace SweLego.Environments.Toml;

/// <summary>Renders strings and keys in TOML syntax, for <c>ToString</c> and error messages.</summary>
internal static class TomlFormat
{
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\t' => builder.Append("\\t"),
                '\r' => builder.Append("\\r"),
                _ when char.IsControl(c) => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

    public static string Key(string key) => key.Length > 0 && key.All(IsBareKeyChar) ? key : Quote(key);

    public static bool IsBareKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '-';
}
