namespace SweLego.Tests.TestSupport;

/// <summary>One scripted answer of <see cref="ModelStub"/>.</summary>
public sealed record StubReply(int StatusCode, string? Content, string? Body, TimeSpan Delay, bool NoChoices = false)
{
    /// <summary>HTTP 200 with one choice whose message content is <paramref name="content"/>.</summary>
    public static StubReply Text(string content) => new(200, content, null, TimeSpan.Zero);

    /// <summary>Any status with a raw body.</summary>
    public static StubReply Status(int statusCode, string body = "{\"error\":{\"message\":\"stub error\"}}") => new(statusCode, null, body, TimeSpan.Zero);

    /// <summary>HTTP 200 with an empty <c>choices</c> array.</summary>
    public static StubReply EmptyChoices() => new(200, null, null, TimeSpan.Zero, NoChoices: true);

    public StubReply After(TimeSpan delay) => this with { Delay = delay };
}
