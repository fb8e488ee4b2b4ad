using SweLego.Curation;
using SweLego.Curation.Rendering;
using SweLego.Tokenization;

namespace SweLego.Tests.Curation;

public sealed class TokenAccountingTests
{
    /// <summary>One token per character: the arithmetic of the cut, apart from any tokenizer.</summary>
    private sealed class CharEncoder : ITokenEncoder
    {
        public string Name => "chars";

        public IReadOnlyList<int> Encode(string text) => [.. text.Select(c => (int)c)];

        public int Count(string text) => text.Length;
    }

    [Theory]
    // target*2 < cutoff: the response is kept whole, the prompt cut to what is left.
    [InlineData(100, 10, 50, 40, 10)]
    // source*2 < cutoff (and the response is not short): the prompt kept, the response cut.
    [InlineData(10, 100, 50, 10, 40)]
    // both long: the response gets int(50 * 60/100) = 30, the prompt the rest.
    [InlineData(40, 60, 50, 20, 30)]
    // the proportion truncates toward zero: int(7 * 5/9) = int(3.88…) = 3.
    [InlineData(4, 5, 7, 4, 3)]
    // everything fits.
    [InlineData(3, 4, 100, 3, 4)]
    // target*2 == cutoff is not "< cutoff": the second rule applies (the prompt is short).
    [InlineData(10, 25, 50, 10, 25)]
    // neither is short: int(50 * 25/55) = 22 for the response, 28 for the prompt.
    [InlineData(30, 25, 50, 28, 22)]
    public void InferSeqLen_LlamaFactoryRules_CutsAsTheTrainerDoes(int source, int target, int cutoff, int expectedSource, int expectedTarget) =>
        Assert.Equal((expectedSource, expectedTarget), TokenAccounting.InferSeqLen(source, target, cutoff));

    [Fact]
    public void Truncate_TurnCrossingTheLimit_IsCutAndLaterTurnsDropped()
    {
        TurnLengths[] pairs = [new(30, 20, false), new(10, 25, true), new(40, 40, false), new(5, 5, false)];

        var cut = TokenAccounting.Truncate(pairs, cutoffLen: 100);

        // Turn 1: 50 (total 50). Turn 2: 35 masked (total 85). Turn 3: room 15, both long → target int(15*40/80)=7,
        // source 8 (total 100). Turn 4: dropped.
        Assert.Equal(new TokenCounts(Total: 100, Trained: 27, Masked: 25, Truncated: 175 - 100), cut.Counts);
        Assert.Equal([20, 25, 7, 0], cut.ResponseTokens);
    }

    [Fact]
    public void Count_RendersQwen3NoThinkElements_SystemOnlyInTheFirstPrompt()
    {
        SftMessage[] messages =
        [
            new(SftMessage.System, "sys"),
            new(SftMessage.User, "u1"),
            new(SftMessage.Assistant, "a1") { TurnMask = false },
            new(SftMessage.User, "u2"),
            new(SftMessage.Assistant, "a2") { TurnMask = true },
        ];

        var pairs = TokenAccounting.Pairs(messages, new CharEncoder());

        int system = "<|im_start|>system\nsys<|im_end|>\n".Length;
        int user = "<|im_start|>user\nu1<|im_end|>\n<|im_start|>assistant\n".Length;
        int response = "a1<|im_end|>\n".Length;
        Assert.Equal([new TurnLengths(system + user, response, false), new TurnLengths(user, response, true)], pairs);
        var cut = TokenAccounting.Count(messages, new CharEncoder(), 131_072);
        Assert.Equal(new TokenCounts(system + 2 * user + 2 * response, response, response, 0), cut.Counts);
    }

    [Fact]
    public void Pairs_NotAlternating_IsRefusedWithThePositions()
    {
        SftMessage[] messages = [new(SftMessage.User, "u"), new(SftMessage.User, "u2")];

        var e = Assert.Throws<ArgumentException>(() => TokenAccounting.Pairs(messages, new CharEncoder()));

        Assert.Contains("Messages 0 and 1 are user/user", e.Message, StringComparison.Ordinal);
    }
}
