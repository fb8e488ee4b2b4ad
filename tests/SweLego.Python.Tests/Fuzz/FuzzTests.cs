using System.Diagnostics;
using System.Text;
using SweLego.Python.Syntax;
using SweLego.Python.Tests.TestSupport;
using Xunit.Abstractions;

namespace SweLego.Python.Tests.Fuzz;

/// <summary>
/// Thousands of damaged real files (seeded, so a failure reproduces): the parser must never
/// throw, never take a second, and must still give back every byte.
/// </summary>
[Collection(HeavyTests.Name)]
public sealed class FuzzTests(ITestOutputHelper output)
{
    // SWELEGO_FUZZ_CASES / SWELEGO_FUZZ_SEED override these for longer soak runs.
    private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("SWELEGO_FUZZ_CASES"), out int cases) ? cases : 6000;
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("SWELEGO_FUZZ_SEED"), out int seed) ? seed : 20250101;

    private static readonly string[] Fragments =
    [
        "(", ")", "[", "]", "{", "}", ":", "lambda", "f\"", "'", "\"\"\"", "'''", "if ", " else ", "for ", " in ", "not ",
        "await ", "yield ", "*", "**", ":=", "->", "match ", "case ", "type ", "\\\n", "\r", "\t", "@", "async ", "def ",
        "class ", "del ", "global x", "f\"{x!r:>{w}}\"", "except* E", "\\", "#", "\n    ", "\n", "0x", "1e", "1_", "\"",
        "f'{", "}", "!", "$", "€", "\u00a0", "\0", "\f", "rb'", "u'", "try:", "finally:", "with (", "import ", "from . import",
    ];

    [Fact]
    public void Parse_MutatedRealFiles_NeverThrowsHangsOrLosesBytes()
    {
        Assert.True(Python3.OnPath.IsAvailable, "python3 must be on PATH to locate the corpus");
        var random = new Random(Seed);
        string stdlib = Python3.OnPath.StdlibPath;
        string tests = Path.Combine(stdlib, "test");
        var candidates = Directory.EnumerateFiles(stdlib, "*.py", SearchOption.TopDirectoryOnly)
            .Concat(Directory.Exists(tests) ? Directory.EnumerateFiles(tests, "*.py", SearchOption.TopDirectoryOnly) : [])
            .Where(f => new FileInfo(f).Length is > 0 and < 60_000)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(candidates);
        var sources = Enumerable.Range(0, 250).Select(_ => File.ReadAllBytes(candidates[random.Next(candidates.Count)])).ToList();

        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        string slowestCase = "";
        int rejected = 0;
        for (int i = 0; i < Cases; i++)
        {
            byte[] input = Mutate(sources[random.Next(sources.Count)], sources[random.Next(sources.Count)], random, out string how);
            var clock = Stopwatch.StartNew();
            try
            {
                var module = PythonSource.Parse(input);
                if (!module.ToBytes().AsSpan().SequenceEqual(input))
                {
                    failures.Add($"case {i} ({how}): round trip lost bytes");
                }

                foreach (var diagnostic in module.Diagnostics)
                {
                    if (diagnostic.Line < 1 || diagnostic.Column < 0 || diagnostic.Offset > module.Text.Length)
                    {
                        failures.Add($"case {i} ({how}): diagnostic out of range {diagnostic}");
                    }
                }

                foreach (var definition in module.Definitions)
                {
                    _ = definition.QualifiedName + definition.Range + definition.Docstring;
                    _ = definition.FindAll<ComparisonExpressionSyntax>().Count();
                }

                rejected += module.HasErrors ? 1 : 0;
            }
            catch (Exception e)
            {
                failures.Add($"case {i} ({how}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
            }

            clock.Stop();
            if (clock.Elapsed > slowest)
            {
                slowest = clock.Elapsed;
                slowestCase = $"case {i} ({how}, {input.Length} bytes)";
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                failures.Add($"case {i} ({how}): took {clock.Elapsed.TotalMilliseconds:F0} ms");
            }
        }

        output.WriteLine($"seed={Seed} cases={Cases} with diagnostics={rejected} slowest={slowest.TotalMilliseconds:F1} ms: {slowestCase}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private static byte[] Mutate(byte[] source, byte[] other, Random random, out string how)
    {
        var lines = SplitLines(source);
        switch (random.Next(13))
        {
            case 0:
                how = "truncate";
                return source[..random.Next(source.Length + 1)];
            case 1 when lines.Count > 1:
                how = "delete line";
                lines.RemoveAt(random.Next(lines.Count));
                return Join(lines);
            case 2 when lines.Count > 0:
                how = "duplicate line";
                int at = random.Next(lines.Count);
                lines.Insert(at, lines[at]);
                return Join(lines);
            case 3:
            {
                how = "overwrite bytes";
                byte[] copy = [.. source];
                for (int n = random.Next(1, 9); n > 0 && copy.Length > 0; n--)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return copy;
            }

            case 4:
            {
                how = "insert bytes";
                var noise = new byte[random.Next(1, 17)];
                random.NextBytes(noise);
                int where = random.Next(source.Length + 1);
                return [.. source[..where], .. noise, .. source[where..]];
            }

            case 5:
            {
                how = "insert fragment";
                int where = random.Next(source.Length + 1);
                return [.. source[..where], .. Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]), .. source[where..]];
            }

            case 6 when lines.Count > 1:
            {
                how = "swap lines";
                int a = random.Next(lines.Count), b = random.Next(lines.Count);
                (lines[a], lines[b]) = (lines[b], lines[a]);
                return Join(lines);
            }

            case 7 when lines.Count > 0:
            {
                how = "reindent line";
                int index = random.Next(lines.Count);
                string prefix = random.Next(3) switch { 0 => "    ", 1 => "\t", _ => " " };
                lines[index] = random.Next(2) == 0 ? [.. Encoding.ASCII.GetBytes(prefix), .. lines[index]] : [.. lines[index].SkipWhile(b => b is (byte)' ' or (byte)'\t')];
                return Join(lines);
            }

            case 8:
            {
                how = "newline styles";
                var result = new List<byte>(source.Length + 64);
                foreach (byte b in source)
                {
                    if (b == '\n' && random.Next(4) == 0)
                    {
                        result.Add((byte)'\r');
                        if (random.Next(2) == 0)
                        {
                            continue;
                        }
                    }

                    result.Add(b);
                }

                return [.. result];
            }

            case 9:
            {
                how = "delete range";
                int start = random.Next(source.Length + 1);
                int end = Math.Min(source.Length, start + random.Next(200));
                return [.. source[..start], .. source[end..]];
            }

            case 10:
            {
                how = "random text";
                const string alphabet = "abcdefxyz0123456789_ \t\n\r()[]{}:;,.=+-*/%@&|^~<>!'\"#\\`$?";
                return Encoding.UTF8.GetBytes(new string([.. Enumerable.Range(0, random.Next(2000)).Select(_ => alphabet[random.Next(alphabet.Length)])]));
            }

            case 11:
            {
                // Deep nesting and long chains: recursion limits and loops that must still progress.
                how = "repeat fragment";
                int where = random.Next(source.Length + 1);
                string fragment = Fragments[random.Next(Fragments.Length)];
                string repeated = string.Concat(Enumerable.Repeat(fragment, random.Next(100, 5000)));
                return [.. source[..where], .. Encoding.UTF8.GetBytes(repeated), .. source[where..]];
            }

            default:
                how = "splice two files";
                return [.. source[..random.Next(source.Length + 1)], .. other[random.Next(other.Length + 1)..]];
        }
    }

    private static List<byte[]> SplitLines(byte[] source)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                lines.Add(source[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < source.Length)
        {
            lines.Add(source[start..]);
        }

        return lines;
    }

    private static byte[] Join(List<byte[]> lines) => [.. lines.SelectMany(l => l)];
}
