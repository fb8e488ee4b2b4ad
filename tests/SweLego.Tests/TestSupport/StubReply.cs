using SweLego.Models;

namespace SweLego.Tests.TestSupport;

/// <summary>How a scripted answer of <see cref="ModelStub"/> breaks the connection instead of answering in full.</summary>
public enum StubDrop
{
    /// <summary>A complete response.</summary>
    None,

    /// <summary>Reads the request, then closes the connection without a byte of response.</summary>
    BeforeResponse,

    /// <summary>Sends the status line, headers and half of the body, then closes the connection.</summary>
    MidResponse,
}

/// <summary>
/// One scripted answer of <see cref="ModelStub"/>: <c>StubReply.Text("…")</c>,
/// <c>StubReply.ToolCalls(new ModelToolCall("call_1", "think", "{…}"))</c>, <c>StubReply.Status(500)</c>,
/// <c>StubReply.Drop()</c>, <c>StubReply.Hang()</c>; refine with <see cref="After"/>,
/// <see cref="WithUsage"/>, <see cref="WithLogProbs"/>, <see cref="Finish"/>.
/// </summary>
public sealed record StubReply(int StatusCode, string? Content, string? Body, TimeSpan Delay, bool NoChoices = false)
{
    /// <summary>The message's <c>tool_calls</c> (arguments sent verbatim, even when not JSON).</summary>
    public IReadOnlyList<ModelToolCall> Calls { get; init; } = [];

    /// <summary>The <c>usage</c> object (default 1 prompt token, 1 completion token).</summary>
    public ModelUsage Usage { get; init; } = new(1, 1);

    /// <summary>The choice's <c>logprobs.content</c>; null sends no <c>logprobs</c>.</summary>
    public IReadOnlyList<TokenLogProb>? LogProbs { get; init; }

    /// <summary>The choice's <c>finish_reason</c>.</summary>
    public string FinishReason { get; init; } = "stop";

    public StubDrop DropMode { get; init; }

    /// <summary>HTTP 200 with one choice whose message content is <paramref name="content"/>.</summary>
    public static StubReply Text(string content) => new(200, content, null, TimeSpan.Zero);

    /// <summary>HTTP 200 whose message has <c>content: null</c> and these tool calls (finish_reason <c>tool_calls</c>).</summary>
    public static StubReply ToolCalls(params ModelToolCall[] calls) =>
        new(200, null, null, TimeSpan.Zero) { Calls = calls, FinishReason = "tool_calls" };

    /// <summary>Any status with a raw body.</summary>
    public static StubReply Status(int statusCode, string body = "{\"error\":{\"message\":\"stub error\"}}") => new(statusCode, null, body, TimeSpan.Zero);

    /// <summary>HTTP 200 with an empty <c>choices</c> array.</summary>
    public static StubReply EmptyChoices() => new(200, null, null, TimeSpan.Zero, NoChoices: true);

    /// <summary>A dropped connection (a crashed worker): see <see cref="StubDrop"/>.</summary>
    public static StubReply Drop(StubDrop how = StubDrop.BeforeResponse) => Text("dropped") with { DropMode = how };

    /// <summary>Never answers (until the client gives up or the stub is disposed).</summary>
    public static StubReply Hang() => Text("never sent").After(Timeout.InfiniteTimeSpan);

    public StubReply After(TimeSpan delay) => this with { Delay = delay };

    public StubReply WithUsage(int promptTokens, int completionTokens) => this with { Usage = new ModelUsage(promptTokens, completionTokens) };

    public StubReply WithLogProbs(params TokenLogProb[] logProbs) => this with { LogProbs = logProbs };

    public StubReply Finish(string reason) => this with { FinishReason = reason };
}
