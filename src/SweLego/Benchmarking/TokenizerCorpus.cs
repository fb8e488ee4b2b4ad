using System.Text;

namespace SweLego.Benchmarking;

/// <summary>
/// A varied, deterministic text corpus for the tokenizer: documents of ~100 KB (the size of a trajectory), each a
/// seeded mix of this repository's C#/Python/shell sources and Markdown prose, agent-trajectory turns
/// (<c>&lt;function=execute_bash&gt;</c> calls, observations, chat markers), CJK, Arabic and Devanagari text, emoji
/// (ZWJ sequences, flags, skin tones), non-BMP letters and digits, whitespace runs and digit runs.
/// </summary>
public static class TokenizerCorpus
{
    public const int DocumentChars = 100_000;

    private static readonly string[] Extensions = [".cs", ".py", ".sh", ".md", ".js", ".json", ".toml"];

    /// <summary>Documents summing to at least <paramref name="targetBytes"/> UTF-8 bytes, from the sources under <paramref name="repositoryRoot"/>.</summary>
    public static IReadOnlyList<string> Build(string repositoryRoot, long targetBytes, int seed = 13)
    {
        var sources = Directory.EnumerateFiles(repositoryRoot, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => text.Length > 0)
            .ToArray();
        if (sources.Length == 0) throw new InvalidOperationException($"No source files under {repositoryRoot} for the tokenizer corpus.");

        var random = new Random(seed);
        var documents = new List<string>();
        long bytes = 0;
        while (bytes < targetBytes)
        {
            var document = new StringBuilder(DocumentChars + 20_000);
            while (document.Length < DocumentChars) AppendPiece(document, random, sources);
            string text = document.ToString();
            documents.Add(text);
            bytes += Encoding.UTF8.GetByteCount(text);
        }
        return documents;
    }

    private static void AppendPiece(StringBuilder document, Random random, string[] sources)
    {
        switch (random.Next(10))
        {
            case < 4:
                string source = sources[random.Next(sources.Length)];
                int start = random.Next(source.Length);
                document.Append(source, start, Math.Min(source.Length - start, random.Next(200, 8000)));
                break;
            case 4:
                AppendTurn(document, random, sources);
                break;
            case 5:
                AppendScript(document, random, CjkAndOthers, random.Next(50, 400));
                break;
            case 6:
                AppendScript(document, random, EmojiAndNonBmp, random.Next(20, 200));
                break;
            case 7:
                for (int i = random.Next(5, 40); i > 0; i--)
                    document.Append(WhitespaceRuns[random.Next(WhitespaceRuns.Length)]).Append(random.Next(3) == 0 ? "x = 1" : "pass");
                break;
            case 8:
                for (int i = random.Next(5, 60); i > 0; i--)
                {
                    string digits = random.NextInt64(100_000_000_000, 1_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    document.Append(digits, 0, random.Next(1, 13)).Append(random.Next(3) switch { 0 => " ", 1 => ".", _ => ", " });
                }
                break;
            default:
                document.Append("<|im_start|>user\nPlease fix the failing test in tally/report.py; <tool_call>{\"name\": \"x\"}</tool_call><|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");
                break;
        }
    }

    private static void AppendTurn(StringBuilder document, Random random, string[] sources)
    {
        string source = sources[random.Next(sources.Length)];
        int start = random.Next(source.Length);
        document.Append("<|im_start|>assistant\nLet me look at the file first.\n\n<function=execute_bash>\n<parameter=command>\ncd /testbed && grep -n \"def \" src/module_")
            .Append(random.Next(100)).Append(".py | head -n 40\n</parameter>\n</function><|im_end|>\n<|im_start|>user\nEXECUTION RESULT of [execute_bash]:\n")
            .Append(source, start, Math.Min(source.Length - start, random.Next(100, 3000)))
            .Append("\n[Current working directory: /testbed]\n[Command finished with exit code ").Append(random.Next(3)).Append("]<|im_end|>\n");
    }

    private static void AppendScript(StringBuilder document, Random random, string[] words, int count)
    {
        for (int i = 0; i < count; i++)
        {
            document.Append(words[random.Next(words.Length)]);
            if (random.Next(4) == 0) document.Append(random.Next(3) switch { 0 => " ", 1 => "\n", _ => "。" });
        }
        document.Append('\n');
    }

    private static readonly string[] CjkAndOthers =
    [
        "修复", "测试", "失败", "函数", "返回值", "错误", "文件", "目录", "の", "テスト", "修正します", "한국어", "테스트", "코드",
        "𠀀", "𠀁", "𪚥", "𫝀", "مرحبا", "بالعالم", "الاختبار", "नमस्ते", "परीक्षण", "Привет", "мир", "Ελληνικά", "über", "naïve", "café",
    ];

    private static readonly string[] EmojiAndNonBmp =
    [
        "😀", "🚀", "👍🏽", "👨‍👩‍👧‍👦", "🏳️‍🌈", "🇯🇵", "🇺🇸", "❤️", "✅", "🔥", "𝐀𝐁𝐂", "𝟘𝟙𝟚", "𝑥", "𝔘𝔫𝔦", "🄰", " 🎉 ", "∑", "→", "‰",
    ];

    private static readonly string[] WhitespaceRuns = ["\n", "\n\n\n", "    ", "\t\t", "\r\n", "        \n", " \t \n  ", "\n            ", "                                "];
}
