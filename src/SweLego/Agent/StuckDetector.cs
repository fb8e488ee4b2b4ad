namespace SweLego.Agent;

/// <summary>
/// Stops an episode that goes round in circles, with the cases of spec §2 (OpenHands' stuck detector):
/// the same call and observation four times in a row; the same call three times, each answered by an
/// error; the same reply without a call three times in a row (the continue messages between them are
/// ours, not observations); an A-B-A-B-A-B alternation of calls and observations over six steps. The
/// fifth case, ten context condensations in a row, cannot happen: this agent never condenses.
/// Calls compare by tool and arguments (not the reasoning); observations by their text.
/// </summary>
public sealed class StuckDetector
{
    private readonly List<Step> steps = [];

    /// <summary>Records a step that ran a call (or failed to parse one: <paramref name="action"/> is then the raw reply).</summary>
    public void Called(string action, string observation, bool error) => steps.Add(new Step(action, observation, error));

    /// <summary>Records a reply without a call.</summary>
    public void Replied(string text) => steps.Add(new Step("message:" + text, null, false));

    /// <summary>Which case fired, or null while the episode is not stuck.</summary>
    public string? Check()
    {
        var calls = steps.Where(s => s.Observation is not null).ToList();
        if (Last(calls, 4) is { } four && four.All(s => s.Action == four[0].Action && s.Observation == four[0].Observation))
            return "the same call and observation 4 times in a row";
        if (Last(calls, 3) is { } three && three.All(s => s.Action == three[0].Action && s.Error))
            return "the same call 3 times in a row, each ending in an error";
        if (Last(steps, 3) is { } replies && replies.All(s => s.Observation is null && s.Action == replies[0].Action))
            return "the same reply without a call 3 times in a row";
        if (Last(calls, 6) is { } six && Alternates(six))
            return "two calls alternating with the same observations over 6 steps";
        return null;
    }

    private static bool Alternates(List<Step> six) =>
        Enumerable.Range(2, 4).All(i => six[i].Action == six[i - 2].Action && six[i].Observation == six[i - 2].Observation);

    private static List<Step>? Last(List<Step> list, int count) => list.Count >= count ? list.GetRange(list.Count - count, count) : null;

    private sealed record Step(string Action, string? Observation, bool Error);
}
