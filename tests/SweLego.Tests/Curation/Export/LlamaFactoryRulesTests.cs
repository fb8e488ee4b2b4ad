using SweLego.Curation;
using SweLego.Curation.Export;

namespace SweLego.Tests.Curation.Export;

/// <summary>The loader rules of the SWE-Lego fork's converter and supervised processor, record by record.</summary>
public sealed class LlamaFactoryRulesTests
{
    private static readonly SftRecord Good = ExportRuns.Record("a__b-1", "medium", false, true, false);

    [Fact]
    public void Check_AlternatingRecordWithAFlagPerTurn_Passes()
    {
        Assert.Null(LlamaFactoryRules.Check(Good));
        // The system message is optional.
        Assert.Null(LlamaFactoryRules.Check(Good with { Messages = Good.Messages.Skip(1).ToList() }));
    }

    public static TheoryData<string, string> Broken() => new()
    {
        { "no-mask", "assistant message 5 (turn 2) has no turn_mask" },
        { "two-users", "message 5 is 'user' where the alternation needs 'assistant'" },
        { "starts-with-assistant", "message 2 is 'assistant' where the alternation needs 'user'" },
        { "ends-with-user", "7 messages after the system message (odd: the last is 'user'" },
        { "system-in-the-middle", "message 4 is 'system' where the alternation needs 'user' (a system message is only allowed first)" },
        { "unknown-role", "message 3 is 'tool' where the alternation needs 'assistant'" },
        { "turns-mismatch", "turns is 4 but the record has 3 assistant messages" },
        { "decision-missing", "2 turn decisions for 3 assistant turns" },
        { "decision-disagrees", "turn 2: turn_mask true but its decision (clean) says masked=false" },
        { "only-system", "only a system message" },
        { "empty", "no messages" },
        { "unresolved", "label 'unresolved' is never training data" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Check_RecordTheLoaderWouldSkipOrFailOn_IsRefusedWithTheRule(string breakage, string reason)
    {
        var messages = Good.Messages.ToList();
        var record = breakage switch
        {
            "no-mask" => Good with { Messages = Replace(messages, 4, messages[4] with { TurnMask = null }) },
            "two-users" => Good with { Messages = Insert(messages, 3, new SftMessage(SftMessage.User, "again")) },
            "starts-with-assistant" => Good with { Messages = messages.Where((_, i) => i != 1).ToList() },
            "ends-with-user" => Good with { Messages = [.. messages, new SftMessage(SftMessage.User, "more")] },
            "system-in-the-middle" => Good with { Messages = Replace(messages, 3, new SftMessage(SftMessage.System, "hello")) },
            "unknown-role" => Good with { Messages = Replace(messages, 2, new SftMessage("tool", "x")) },
            "turns-mismatch" => Good with { Turns = 4 },
            "decision-missing" => Good with { Decisions = Good.Decisions.Take(2).ToList() },
            "decision-disagrees" => Good with { Decisions = Good.Decisions.Select(d => d with { Masked = false, Rule = TurnDecision.Clean }).ToList() },
            "only-system" => Good with { Messages = messages.Take(1).ToList() },
            "empty" => Good with { Messages = [] },
            "unresolved" => Good with { Label = CurationLabel.Unresolved },
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };

        string? problem = LlamaFactoryRules.Check(record);

        Assert.NotNull(problem);
        Assert.StartsWith(reason, problem, StringComparison.Ordinal);
    }

    private static List<SftMessage> Replace(List<SftMessage> messages, int index, SftMessage message)
    {
        var copy = messages.ToList();
        copy[index] = message;
        return copy;
    }

    private static List<SftMessage> Insert(List<SftMessage> messages, int index, SftMessage message)
    {
        var copy = messages.ToList();
        copy.Insert(index, message);
        return copy;
    }
}
