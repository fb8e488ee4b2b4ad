using System.Net;
using System.Net.Sockets;
using SweLego.Models;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Models;

public sealed class ModelClientTests
{
    private static readonly ModelMessage[] Hello = [ModelMessage.System("You are terse."), ModelMessage.User("Say hi.")];

    private static ModelClient Client(ModelStub stub, int maxRetries = 3, TimeSpan? timeout = null) => new(new ModelClientOptions
    {
        Endpoint = stub.Endpoint,
        Model = "stub-model",
        Temperature = 0.2,
        MaxTokens = 64,
        MaxRetries = maxRetries,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        RequestTimeout = timeout ?? TimeSpan.FromSeconds(30),
    });

    [Fact]
    public async Task CompleteAsync_ServerReplies_ReturnsTextAndSendsRequest()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Text("hi"));

        var reply = await Client(stub).CompleteAsync(Hello);

        Assert.True(reply.Success, reply.Error);
        Assert.Equal("hi", reply.Text);
        Assert.Equal(200, reply.StatusCode);
        Assert.Equal(1, reply.Attempts);
        Assert.Equal("stop", reply.FinishReason);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer EMPTY", request.Headers["Authorization"]);
        var json = request.Json();
        Assert.Equal("stub-model", json.GetProperty("model").GetString());
        Assert.Equal(64, json.GetProperty("max_tokens").GetInt32());
        Assert.Equal(0.2, json.GetProperty("temperature").GetDouble());
        Assert.Equal("You are terse.\n\nSay hi.", request.MessagesText());
    }

    [Fact]
    public async Task CompleteAsync_Http500EveryTime_FailsNamingStatusAfterRetries()
    {
        using var stub = new ModelStub { Fallback = StubReply.Status(500, "{\"error\":\"boom\"}") };

        var reply = await Client(stub, maxRetries: 3).CompleteAsync(Hello);

        Assert.False(reply.Success);
        Assert.Equal(500, reply.StatusCode);
        Assert.Equal(4, reply.Attempts);
        Assert.Equal(4, stub.Requests.Count);
        Assert.Contains("HTTP 500", reply.Error, StringComparison.Ordinal);
        Assert.Contains(stub.Endpoint.AbsoluteUri.TrimEnd('/') + "/chat/completions", reply.Error, StringComparison.Ordinal);
        Assert.Contains("4 attempts", reply.Error, StringComparison.Ordinal);
        Assert.Contains("boom", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_One500ThenSuccess_Succeeds()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Status(500), StubReply.Text("recovered"));

        var reply = await Client(stub).CompleteAsync(Hello);

        Assert.True(reply.Success, reply.Error);
        Assert.Equal("recovered", reply.Text);
        Assert.Equal(2, reply.Attempts);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task CompleteAsync_TooManyRequestsThenSuccess_Retries()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Status(429), StubReply.Status(503), StubReply.Text("ok"));

        var reply = await Client(stub).CompleteAsync(Hello);

        Assert.True(reply.Success, reply.Error);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task CompleteAsync_Http400_FailsWithoutRetry()
    {
        using var stub = new ModelStub { Fallback = StubReply.Status(400, "{\"error\":\"bad model\"}") };

        var reply = await Client(stub).CompleteAsync(Hello);

        Assert.False(reply.Success);
        Assert.Equal(400, reply.StatusCode);
        Assert.Single(stub.Requests);
        Assert.Contains("HTTP 400", reply.Error, StringComparison.Ordinal);
        Assert.Contains("not retried", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_SlowerThanTimeout_FailsAsTimeoutAfterRetries()
    {
        using var stub = new ModelStub { Fallback = StubReply.Text("late").After(TimeSpan.FromSeconds(30)) };

        var reply = await Client(stub, maxRetries: 1, timeout: TimeSpan.FromMilliseconds(300)).CompleteAsync(Hello);

        Assert.False(reply.Success);
        Assert.Null(reply.StatusCode);
        Assert.Equal(2, reply.Attempts);
        Assert.StartsWith("no reply from http://127.0.0.1:", reply.Error, StringComparison.Ordinal);
        Assert.Contains("within 0.3 s", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_ConnectionRefused_FailsWithoutRetry()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var client = new ModelClient(new ModelClientOptions { Endpoint = new Uri($"http://127.0.0.1:{port}/v1"), Model = "m", RetryDelay = TimeSpan.Zero });

        var reply = await client.CompleteAsync(Hello);

        Assert.False(reply.Success);
        Assert.Equal(1, reply.Attempts);
        Assert.Contains($"127.0.0.1:{port}", reply.Error, StringComparison.Ordinal);
        Assert.Contains("connection refused", reply.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task CompleteAsync_NoChoices_FailsWithReason()
    {
        using var stub = new ModelStub().Enqueue(StubReply.EmptyChoices());

        var reply = await Client(stub).CompleteAsync(Hello);

        Assert.False(reply.Success);
        Assert.Contains("returned no choices", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_EmptyContent_SucceedsWithEmptyTextAndTextFailure()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Text("").Finish("length"));

        var reply = await Client(stub).CompleteAsync(Hello);

        Assert.True(reply.Success, reply.Error);
        Assert.Equal("", reply.Text);
        Assert.Empty(reply.ToolCalls);
        Assert.Equal("length", reply.FinishReason);
        Assert.Equal("the model returned an empty message (finish_reason length)", reply.TextFailure);
    }

    [Fact]
    public async Task CompleteAsync_CallerCancels_Throws()
    {
        using var stub = new ModelStub { Fallback = StubReply.Text("late").After(TimeSpan.FromSeconds(30)) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(stub).CompleteAsync(Hello, cancel.Token));
    }

    [Theory]
    [InlineData(null, "m", "Endpoint is required")]
    [InlineData("ftp://127.0.0.1/v1", "m", "absolute http or https URL")]
    [InlineData("http://127.0.0.1:8000/v1", "", "Model is required")]
    public void Constructor_InvalidOptions_ThrowsNamingProperty(string? endpoint, string model, string message)
    {
        var options = new ModelClientOptions { Endpoint = endpoint is null ? null : new Uri(endpoint), Model = model };

        var error = Assert.Throws<ArgumentException>(() => new ModelClient(options));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadNumbers_ThrowsNamingProperty()
    {
        var good = new ModelClientOptions { Endpoint = new Uri("http://127.0.0.1:8000/v1"), Model = "m" };
        good.Validate();

        Assert.Contains("MaxRetries", Assert.Throws<ArgumentException>(() => new ModelClientOptions { Endpoint = good.Endpoint, Model = "m", MaxRetries = -1 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("RequestTimeout", Assert.Throws<ArgumentException>(() => new ModelClientOptions { Endpoint = good.Endpoint, Model = "m", RequestTimeout = TimeSpan.Zero }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("Temperature", Assert.Throws<ArgumentException>(() => new ModelClientOptions { Endpoint = good.Endpoint, Model = "m", Temperature = 3 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("MaxTokens", Assert.Throws<ArgumentException>(() => new ModelClientOptions { Endpoint = good.Endpoint, Model = "m", MaxTokens = 0 }.Validate()).Message, StringComparison.Ordinal);
    }
}
