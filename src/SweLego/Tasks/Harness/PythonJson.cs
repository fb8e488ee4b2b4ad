using System.Globalization;
using System.Text;

namespace SweLego.Tasks.Harness;

/// <summary>
/// Python's `json.dumps(value, indent=4)` for the shapes the harness's reports use (objects with
/// ordered keys, lists of strings, strings, integers, booleans), byte for byte: non-ASCII and
/// control characters as lower-case `\uXXXX`, `[]`/`{}` when empty, no trailing newline. A
/// SweLego report can then be diffed against the harness's own.
/// </summary>
internal static class PythonJson
{
    /// <param name="value">bool, int, long, string, IReadOnlyList&lt;string&gt; or IEnumerable&lt;KeyValuePair&lt;string, object?&gt;&gt; (an object, in key order).</param>
    public static string Dumps(object value)
    {
        var text = new StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(StringBuilder text, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int or long:
                text.Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
            case string s:
                WriteString(text, s);
                break;
            case IEnumerable<KeyValuePair<string, object?>> members:
                WriteContainer(text, members.ToList(), depth, '{', '}', (member, d) =>
                {
                    WriteString(text, member.Key);
                    text.Append(": ");
                    Write(text, member.Value, d);
                });
                break;
            case IEnumerable<string> items:
                WriteContainer(text, items.ToList(), depth, '[', ']', (item, _) => WriteString(text, item));
                break;
            default:
                throw new ArgumentException($"cannot write a {value.GetType().Name} as harness JSON", nameof(value));
        }
    }

    private static void WriteContainer<T>(StringBuilder text, List<T> items, int depth, char open, char close, Action<T, int> writeItem)
    {
        text.Append(open);
        if (items.Count == 0)
        {
            text.Append(close);
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 4);
            writeItem(items[i], depth + 1);
        }
        text.Append('\n').Append(' ', depth * 4).Append(close);
    }

    /// <summary>A string as Python's json.dumps writes it (ensure_ascii).</summary>
    internal static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    // ensure_ascii: everything outside ' '..'~' as \uXXXX (UTF-16 units, as Python writes astral characters).
                    if (c < ' ' || c > '~')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }
}
