using System.Globalization;
using System.Text;

namespace SweLego.Python.Editing;

/// <summary>
/// Line-based unified diffs in the format of <c>diff -u</c> / <c>git diff</c>, with
/// <c>--- a/path</c> and <c>+++ b/path</c> headers so <c>git apply</c> and <c>patch -p1</c> accept them.
/// Lines are split after '\n' only; a '\r' stays part of its line, as git sees it.
/// </summary>
public static class UnifiedDiff
{
    // Past this many differing lines the diff is still correct but no longer minimal; the
    // backtracking trace is O(D^2) ints, so this bounds it to a few megabytes.
    private const int MaxEditDistance = 1000;

    public static string Create(string oldText, string newText, string oldPath, string newPath, int context = 3)
    {
        ArgumentNullException.ThrowIfNull(oldText);
        ArgumentNullException.ThrowIfNull(newText);
        ArgumentOutOfRangeException.ThrowIfNegative(context);
        if (string.Equals(oldText, newText, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        string[] a = SplitLines(oldText);
        string[] b = SplitLines(newText);
        var ops = Diff(a, b);
        var output = new StringBuilder();
        output.Append("--- a/").Append(oldPath).Append('\n');
        output.Append("+++ b/").Append(newPath).Append('\n');
        WriteHunks(output, a, b, ops, context);
        return output.ToString();
    }

    internal static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        while (start < text.Length)
        {
            int newline = text.IndexOf('\n', start);
            int end = newline < 0 ? text.Length : newline + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return [.. lines];
    }

    private enum Op : byte
    {
        Equal,
        Delete,
        Insert,
    }

    private static List<Op> Diff(string[] a, string[] b)
    {
        int prefix = 0;
        while (prefix < a.Length && prefix < b.Length && string.Equals(a[prefix], b[prefix], StringComparison.Ordinal))
        {
            prefix++;
        }

        int suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix
            && string.Equals(a[a.Length - 1 - suffix], b[b.Length - 1 - suffix], StringComparison.Ordinal))
        {
            suffix++;
        }

        var ops = new List<Op>(a.Length + b.Length);
        ops.AddRange(Enumerable.Repeat(Op.Equal, prefix));
        ops.AddRange(Myers(a.AsSpan(prefix, a.Length - prefix - suffix), b.AsSpan(prefix, b.Length - prefix - suffix)));
        ops.AddRange(Enumerable.Repeat(Op.Equal, suffix));
        return ops;
    }

    /// <summary>Myers' O(ND) shortest edit script, keeping one V row per step for the backtrack.</summary>
    private static List<Op> Myers(ReadOnlySpan<string> a, ReadOnlySpan<string> b)
    {
        int n = a.Length, m = b.Length, max = n + m;
        var result = new List<Op>(max);
        if (n == 0 || m == 0 || max == 0)
        {
            result.AddRange(Enumerable.Repeat(Op.Delete, n));
            result.AddRange(Enumerable.Repeat(Op.Insert, m));
            return result;
        }

        int limit = Math.Min(max, MaxEditDistance);
        var trace = new List<int[]>();
        var v = new int[2 * limit + 3];
        int offset = limit + 1;
        int found = -1;
        for (int d = 0; d <= limit && found < 0; d++)
        {
            // Only diagonals -d..d are read when backtracking from step d.
            trace.Add(v[(offset - d)..(offset + d + 1)]);
            for (int k = -d; k <= d; k += 2)
            {
                int x = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && string.Equals(a[x], b[y], StringComparison.Ordinal))
                {
                    x++;
                    y++;
                }

                v[offset + k] = x;
                if (x >= n && y >= m)
                {
                    found = d;
                    break;
                }
            }
        }

        if (found < 0)
        {
            result.AddRange(Enumerable.Repeat(Op.Delete, n));
            result.AddRange(Enumerable.Repeat(Op.Insert, m));
            return result;
        }

        var reversed = new List<Op>(max);
        int cx = n, cy = m;
        for (int d = found; d > 0; d--)
        {
            int[] previous = trace[d];
            int at = d;
            int k = cx - cy;
            int previousK = k == -d || (k != d && previous[at + k - 1] < previous[at + k + 1]) ? k + 1 : k - 1;
            int previousX = previous[at + previousK];
            int previousY = previousX - previousK;
            while (cx > previousX && cy > previousY)
            {
                reversed.Add(Op.Equal);
                cx--;
                cy--;
            }

            reversed.Add(previousK == k + 1 ? Op.Insert : Op.Delete);
            cx = previousX;
            cy = previousY;
        }

        while (cx > 0 && cy > 0)
        {
            reversed.Add(Op.Equal);
            cx--;
            cy--;
        }

        reversed.Reverse();
        return reversed;
    }

    private static void WriteHunks(StringBuilder output, string[] a, string[] b, List<Op> ops, int context)
    {
        // Positions (in ops) of changes, grouped into hunks whose gaps are at most 2 * context.
        int i = 0;
        while (i < ops.Count)
        {
            while (i < ops.Count && ops[i] == Op.Equal)
            {
                i++;
            }

            if (i >= ops.Count)
            {
                return;
            }

            int changeStart = i;
            int changeEnd = i;
            int j = i;
            while (j < ops.Count)
            {
                if (ops[j] != Op.Equal)
                {
                    changeEnd = j + 1;
                    j++;
                    continue;
                }

                int run = j;
                while (run < ops.Count && ops[run] == Op.Equal)
                {
                    run++;
                }

                if (run >= ops.Count || run - j > 2 * context)
                {
                    break;
                }

                j = run;
            }

            int hunkStart = Math.Max(0, changeStart - context);
            while (hunkStart < changeStart && ops[hunkStart] != Op.Equal)
            {
                hunkStart++;
            }

            int hunkEnd = Math.Min(ops.Count, changeEnd + context);
            WriteHunk(output, a, b, ops, hunkStart, hunkEnd);
            i = changeEnd;
        }
    }

    private static void WriteHunk(StringBuilder output, string[] a, string[] b, List<Op> ops, int start, int end)
    {
        int oldLine = 0, newLine = 0;
        for (int i = 0; i < start; i++)
        {
            if (ops[i] != Op.Insert)
            {
                oldLine++;
            }

            if (ops[i] != Op.Delete)
            {
                newLine++;
            }
        }

        int oldCount = 0, newCount = 0;
        for (int i = start; i < end; i++)
        {
            if (ops[i] != Op.Insert)
            {
                oldCount++;
            }

            if (ops[i] != Op.Delete)
            {
                newCount++;
            }
        }

        output.Append("@@ -").Append(Range(oldLine, oldCount)).Append(" +").Append(Range(newLine, newCount)).Append(" @@\n");
        int x = oldLine, y = newLine;
        for (int i = start; i < end; i++)
        {
            switch (ops[i])
            {
                case Op.Equal:
                    WriteLine(output, ' ', a[x]);
                    x++;
                    y++;
                    break;
                case Op.Delete:
                    WriteLine(output, '-', a[x]);
                    x++;
                    break;
                default:
                    WriteLine(output, '+', b[y]);
                    y++;
                    break;
            }
        }
    }

    // GNU diff: "start,count", with "start" alone for one line and the line before for none.
    private static string Range(int zeroBasedStart, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{zeroBasedStart},0"),
        1 => (zeroBasedStart + 1).ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{zeroBasedStart + 1},{count}"),
    };

    private static void WriteLine(StringBuilder output, char prefix, string line)
    {
        output.Append(prefix).Append(line);
        if (!line.EndsWith('\n'))
        {
            output.Append("\n\\ No newline at end of file\n");
        }
    }
}
