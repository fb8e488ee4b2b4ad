namespace SweLego.Curation.Export;

/// <summary>
/// The rules LLaMA-Factory's loader applies to a <c>sharegpt</c> record, as the SWE-Lego fork (0.9.4.dev0) has them,
/// checked before a record is exported so that the trainer never skips one: its converter takes a leading
/// <c>system</c> message (optional), then requires user at even and assistant at odd positions and an even count
/// (a record that breaks this is dropped with only a warning); its supervised processor reads the
/// <c>turn_mask</c> of every assistant message in order and fails the whole run when their count differs from the
/// encoded turns, and treats any truthy value as "masked" — so each assistant message needs a real bool. The
/// record's own bookkeeping (<see cref="SftRecord.Turns"/>, one <see cref="TurnDecision"/> per turn agreeing with the
/// flag) is checked too, so what the dataset card counts is what the trainer sees.
/// </summary>
public static class LlamaFactoryRules
{
    /// <summary>Null when the record may be exported, else the first broken rule in one line (positions 1-based).</summary>
    public static string? Check(SftRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Label is CurationLabel.Unresolved) return "label 'unresolved' is never training data";
        var messages = record.Messages;
        if (messages is null || messages.Count == 0) return "no messages";
        int first = messages[0]?.Role == SftMessage.System ? 1 : 0;
        int turns = 0;
        for (int i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            if (message is null) return $"message {i + 1} is null";
            if (message.Content is null) return $"message {i + 1} ({message.Role}) has no content";
            if (i < first) continue;
            string expected = (i - first) % 2 == 0 ? SftMessage.User : SftMessage.Assistant;
            if (message.Role != expected)
                return $"message {i + 1} is '{message.Role}' where the alternation needs '{expected}'" +
                    (message.Role == SftMessage.System ? " (a system message is only allowed first)" : "");
            if (expected == SftMessage.Assistant)
            {
                turns++;
                if (message.TurnMask is null) return $"assistant message {i + 1} (turn {turns}) has no turn_mask";
                var decision = turns <= record.Decisions.Count ? record.Decisions[turns - 1] : null;
                if (decision is not null && decision.Masked != message.TurnMask)
                    return $"turn {turns}: turn_mask {Flag(message.TurnMask.Value)} but its decision ({decision.Rule}) says masked={Flag(decision.Masked)}";
            }
        }

        int count = messages.Count - first;
        if (count == 0) return "only a system message";
        if (count % 2 != 0) return $"{count} messages after the system message (odd: the last is '{messages[^1].Role}', a record must end with an assistant turn)";
        if (record.Turns != turns) return $"turns is {record.Turns} but the record has {turns} assistant messages";
        if (record.Decisions.Count != turns) return $"{record.Decisions.Count} turn decisions for {turns} assistant turns";
        return null;
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
