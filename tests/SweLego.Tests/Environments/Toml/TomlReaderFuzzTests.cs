using SweLego.Environments.Toml;

namespace SweLego.Tests.Environments.Toml;

public sealed class TomlReaderFuzzTests
{
    private const string ValueZoo = """""
        s = "a\tb\u00E9\U0001F600" # c
        m = """x\
            y""\""""
        l = '''raw ''line'''''
        i = [0x1_F, 0o7, 0b1, -1_000, +0, 1e-3, 6.02_2E23, inf, -nan]
        d = [1979-05-27T07:32:00.999999-07:00, 1979-05-27 07:32:00Z, 1979-05-27T07:32:00, 1979-05-27, 07:32:00.5]
        t = { a.b = [ { c = true } ], "q k" = 'v' }
        [[x.y]]
        z = false
        [x.w]
        """"";

    [Fact]
    public void Parse_EveryPrefixOfRealDocuments_SucceedsOrThrowsTomlException()
    {
        var documents = new[] { TomlSamples.Pyproject, TomlSamples.Pyproject.ReplaceLineEndings("\r\n"), ValueZoo };
        var outcomes = new Dictionary<string, int>();
        foreach (var document in documents)
        {
            Assert.Equal("ok", Outcome(document));
            for (var length = 0; length <= document.Length; length++)
            {
                var outcome = Outcome(document[..length]);
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            }
        }

        // Both outcomes must occur, or the test is not exercising what it claims to.
        Assert.Equal(["TomlException", "ok"], outcomes.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_SeededRandomMutations_SucceedOrThrowTomlException()
    {
        var random = new Random(20261121);
        const string alphabet = "[]{}=\"'.,#\\\n\r\t _-+:0123456789abefinortuxzTZ\u0000\u00E9";
        var sources = new[] { TomlSamples.Pyproject, ValueZoo };
        for (var round = 0; round < 3000; round++)
        {
            var chars = sources[round % sources.Length].ToCharArray();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            var outcome = Outcome(new string(chars));

            Assert.True(outcome is "ok" or "TomlException", outcome);
        }
    }

    private static string Outcome(string text)
    {
        try
        {
            TomlReader.Parse(text, "fuzz.toml");
            return "ok";
        }
        catch (TomlException error)
        {
            // Every error names a line of the text and a column on it (or just past its end).
            Assert.Equal("fuzz.toml", error.FilePath);
            var lines = text.Split('\n');
            Assert.InRange(error.Line, 1, lines.Length);
            Assert.InRange(error.Column, 1, lines[error.Line - 1].Length + 1);
            return "TomlException";
        }
        catch (Exception other)
        {
            return $"{other.GetType().Name} for input of {text.Length} chars: {other.Message}";
        }
    }
}
