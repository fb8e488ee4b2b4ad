using System.Text;
using SweLego.Benchmarking;
using SweLego.Samples;

namespace SweLego.Tests.Tokenization;

/// <summary>
/// Named texts that exercise every branch of the Qwen pipeline, for comparison with the reference: this repository's
/// sources whole, Python with tabs/CRLF/long whitespace runs, trajectories, many scripts, emoji sequences, non-BMP
/// letters and digits, digit runs of each length 1–12, every added token alone and inside text, chat text, and
/// seeded random Unicode (no unpaired surrogates), plus the benchmark's mixed documents.
/// </summary>
internal static class TokenizerTestCorpus
{
    public static string RepositoryRoot => Path.GetDirectoryName(SampleRepository.FindSamplesDirectory())!;

    public static List<(string Name, string Text)> Build(IEnumerable<string> addedTokens)
    {
        var texts = new List<(string, string)>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(150))
            texts.Add(($"source {Path.GetRelativePath(RepositoryRoot, file)}", File.ReadAllText(file)));
        foreach (string file in (string[])["README.md", "AGENTS.md", "scripts/setup.sh"])
            texts.Add(($"file {file}", File.ReadAllText(Path.Combine(RepositoryRoot, file))));

        texts.Add(("python with tabs, CRLF and whitespace runs",
            "def f(x):\r\n\tif x:\r\n\t\treturn  x   \r\n\r\n\r\n    \t  pass\n" + new string(' ', 257) + "y = 1\n\n\n\n" + new string('\t', 40) + "\n \n  \n   \r\n"));
        texts.Add(("trajectory", Trajectory()));
        texts.Add(("chat", "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n<|im_start|>user\nFix it.<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nDone.<|im_end|>\n"));
        texts.Add(("scripts", "中文测试：修复函数的返回值。日本語のテストです。한국어 텍스트. مرحبا بالعالم! नमस्ते दुनिया। Привет, мир! Ελληνικά. עברית. ไทย ภาษา. café naïve Ångström ﬁ"));
        texts.Add(("emoji", "😀 👍🏽 👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵🇺🇸 ❤️ ✅🔥🚀 a😀b 1🎉2 🧑🏿‍🚀  \u200d \ufe0f"));
        texts.Add(("non-BMP letters and digits", "𝐀𝐁𝐂 x𝐀 𝐀1 𝟘𝟙𝟚𝟛 𝑥+𝑦 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𠀀𠀁𪚥𫝀 .𝐀 '𝐀 𐐀𐐨 𞤀 𝟎9 ٣٤ ½ Ⅻ 𐍈"));
        texts.Add(("contractions", "it's I'M we're they've I'll he'd don't 'S 'sing ''s 'ſ O'Neil’s"));
        texts.Add(("combining (NFC)", "e\u0301 A\u030A n\u0303o Å 가 \u1100\u1161 ḱ\u0323"));
        for (int length = 1; length <= 12; length++)
        {
            string digits = string.Concat(Enumerable.Range(1, length).Select(i => (char)('0' + i % 10)));
            texts.Add(($"digits x{length}", $"{digits} a{digits}b {digits}.{digits},{digits}\n{digits}"));
        }
        foreach (string token in addedTokens)
        {
            texts.Add(($"added {token} alone", token));
            texts.Add(($"added {token} in text", $"abc{token}def {token} x\n{token}\n\n{token}{token}  {token}  "));
        }
        texts.Add(("added tokens broken", "<|im_start <im_start|> <|im_start|<|im_end|>> <tool_call<tool_call>> </think"));

        var random = new Random(20251125);
        for (int i = 0; i < 40; i++) texts.Add(($"random unicode {i}", RandomUnicode(random, 400)));
        var documents = TokenizerCorpus.Build(RepositoryRoot, 2_000_000, seed: 7);
        for (int i = 0; i < documents.Count; i++) texts.Add(($"mixed document {i}", documents[i]));
        return texts;
    }

    private static string Trajectory()
    {
        var text = new StringBuilder();
        for (int turn = 0; turn < 20; turn++)
        {
            text.Append("<|im_start|>assistant\nI'll run the tests.\n\n<function=execute_bash>\n<parameter=command>\ncd /testbed && python -m pytest tests/test_")
                .Append(turn).Append(".py -x -q 2>&1 | tail -n 20\n</parameter>\n</function><|im_end|>\n<|im_start|>user\nEXECUTION RESULT of [execute_bash]:\n")
                .Append("============================= test session starts ==============================\nE       AssertionError: assert 3 == 4\n")
                .Append("Traceback (most recent call last):\n  File \"/testbed/tally/report.py\", line ").Append(turn * 17).Append(", in render\n    raise ValueError(f\"bad {x!r}\")\n")
                .Append("[Command finished with exit code 1]<|im_end|>\n");
        }
        return text.ToString();
    }

    /// <summary>Code points from every plane in use (no surrogates, no noncharacters' halves), weighted towards the BMP.</summary>
    private static string RandomUnicode(Random random, int count)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            int value = random.Next(6) switch
            {
                0 => random.Next(0x20, 0x7F),
                1 => random.Next(0x00, 0x20),
                2 => random.Next(0x80, 0x3000),
                3 => random.Next(0x3000, 0xD800),
                4 => random.Next(0xE000, 0x10000),
                _ => random.Next(0x10000, 0x30000),
            };
            text.Append(char.ConvertFromUtf32(value));
        }
        return text.ToString();
    }
}
