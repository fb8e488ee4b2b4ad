using System.Text.Json.Nodes;
using SweLego.Models;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Models;

public sealed class ModelClientTests
{
    private static readonly ModelMessage[] Hello = [ModelMessage.System("You are terse."), ModelMessage.User("Say hi.")];

    private static ModelClient Client(ModelStub stub, int maxRetries = 3, TimeSpan? timeout = null, double? topP = null, long? seed = null) => new(new ModelClientOptions
    {
        Endpoint = stub.Endpoint,
        Model = "stub-model",
        Temperature = 0.2,
        TopP = topP,
        MaxTokens = 64,
        Seed = seed,
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
    public async Task CompleteAsync_FullRequest_SendsEveryFieldAsJson()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Text("done"));
        var parameters = (JsonObject)JsonNode.Parse("""{"type":"object","properties":{"command":{"type":"string"}},"required":["command"]}""")!;
        var request = new ModelRequest(
        [
            ModelMessage.System("sys"),
            ModelMessage.User("fix it"),
            ModelMessage.Assistant("") with { ToolCalls = [new ModelToolCall("call_1", "execute_bash", """{"command": "ls"}""")] },
            ModelMessage.Tool("call_1", "a.py"),
            ModelMessage.Assistant("looking") with { ToolCalls = [new ModelToolCall("call_2", "think", "{not json")] },
            ModelMessage.Tool("call_2", "ok"),
        ])
        {
            Tools = [new ModelTool("execute_bash", "Run a command.", parameters)],
            Temperature = 0.5,
            TopP = 0.9,
            MaxTokens = 100,
            Stop = ["</function"],
            Seed = 7,
            TopLogProbs = 3,
        };

        var reply = await Client(stub, topP: 0.1, seed: 1).CompleteAsync(request);

        Assert.True(reply.Success, reply.Error);
        var expected = JsonNode.Parse("""
            {"model":"stub-model","messages":[
              {"role":"system","content":"sys"},
              {"role":"user","content":"fix it"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"execute_bash","arguments":"{\"command\": \"ls\"}"}}]},
              {"role":"tool","content":"a.py","tool_call_id":"call_1"},
              {"role":"assistant","content":"looking","tool_calls":[{"id":"call_2","type":"function","function":{"name":"think","arguments":"{not json"}}]},
              {"role":"tool","content":"ok","tool_call_id":"call_2"}],
             "tools":[{"type":"function","function":{"name":"execute_bash","description":"Run a command.",
               "parameters":{"type":"object","properties":{"command":{"type":"string"}},"required":["command"]}}}],
             "temperature":0.5,"top_p":0.9,"max_tokens":100,"stop":["</function"],"seed":7,"logprobs":true,"top_logprobs":3,"stream":false}
            """);
        var body = Assert.Single(stub.ChatRequests).JsonBody;
        Assert.True(JsonNode.DeepEquals(expected, body), body?.ToJsonString());
    }

    [Fact]
    public async Task CompleteAsync_RequestWithoutSampling_SendsOptionDefaultsAndNoOptionalFields()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Text("hi"));

        await Client(stub, topP: 0.8, seed: 42).CompleteAsync(Hello);

        var body = Assert.Single(stub.ChatRequests).JsonBody!;
        Assert.Equal(0.2, (double)body["temperature"]!);
        Assert.Equal(0.8, (double)body["top_p"]!);
        Assert.Equal(64, (int)body["max_tokens"]!);
        Assert.Equal(42, (long)body["seed"]!);
        Assert.Equal(
            ["model", "messages", "temperature", "top_p", "max_tokens", "seed", "stream"],
            body.Select(p => p.Key));
    }

    [Fact]
    public async Task CompleteAsync_ToolCallsReply_SucceedsWithRawArgumentsAndRoundTrips()
    {
        var calls = new[] { new ModelToolCall("call_a", "execute_bash", """{"command": "ls -la"}"""), new ModelToolCall("call_b", "think", """{"thought": "unterminated""") };
        using var stub = new ModelStub().Enqueue(StubReply.ToolCalls(calls), StubReply.Text("next"));
        var client = Client(stub);

        var reply = await client.CompleteAsync(new ModelRequest(Hello));
        await client.CompleteAsync(new ModelRequest(
            [.. Hello, ModelMessage.Assistant(reply.Text) with { ToolCalls = reply.ToolCalls }, ModelMessage.Tool("call_a", "total 0"), ModelMessage.Tool("call_b", "Your thought has been logged.")]));

        Assert.True(reply.Success, reply.Error);
        Assert.Equal("", reply.Text);
        Assert.Equal("tool_calls", reply.FinishReason);
        Assert.Equal(calls, reply.ToolCalls);
        var sent = stub.ChatRequests[1].JsonBody!["messages"]!.AsArray();
        Assert.Equal(5, sent.Count);
        Assert.Null(sent[2]!["content"]);
        Assert.Equal(
            ["call_a:execute_bash:{\"command\": \"ls -la\"}", "call_b:think:{\"thought\": \"unterminated"],
            sent[2]!["tool_calls"]!.AsArray().Select(c => $"{c!["id"]}:{c["function"]!["name"]}:{c["function"]!["arguments"]}"));
        Assert.Equal("call_b", (string?)sent[4]!["tool_call_id"]);
    }

    [Fact]
    public async Task CompleteAsync_UsageAndLogProbs_AreParsed()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Text("Hi!").WithUsage(120, 2).WithLogProbs(
            new TokenLogProb("Hi", -0.25, [new TokenAlternative("Hi", -0.25), new TokenAlternative("Hello", -1.5)]),
            new TokenLogProb("!", -0.01, [])));

        var reply = await Client(stub).CompleteAsync(new ModelRequest(Hello) { TopLogProbs = 2 });

        Assert.True(reply.Success, reply.Error);
        Assert.Equal(new ModelUsage(120, 2), reply.Usage);
        Assert.Equal(122, reply.Usage!.TotalTokens);
        Assert.NotNull(reply.LogProbs);
        Assert.Equal(["Hi:-0.25[Hi:-0.25,Hello:-1.5]", "!:-0.01[]"], reply.LogProbs.Select(p =>
            $"{p.Token}:{p.LogProb.ToString(System.Globalization.CultureInfo.InvariantCulture)}[{string.Join(',', p.TopLogProbs.Select(a => $"{a.Token}:{a.LogProb.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))}]"));
        Assert.True(reply.Latency > TimeSpan.Zero && reply.Latency <= reply.Elapsed, $"{reply.Latency} / {reply.Elapsed}");
    }

    [Fact]
    public async Task CompleteAsync_NoLogProbsAsked_LogProbsNull()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Text("hi"));

        var reply = await Client(stub).CompleteAsync(Hello);

        Assert.Null(reply.LogProbs);
        Assert.Equal(new ModelUsage(1, 1), reply.Usage);
    }

    [Fact]
    public async Task CompleteAsync_RequestTimeoutShorterThanOptions_AttemptsTimeOutAtTheRequestValue()
    {
        using var stub = new ModelStub { Fallback = StubReply.Hang() };

        var reply = await Client(stub, maxRetries: 1, timeout: TimeSpan.FromMinutes(10))
            .CompleteAsync(new ModelRequest(Hello) { Timeout = TimeSpan.FromMilliseconds(250) });

        Assert.False(reply.Success);
        Assert.Equal(2, reply.Attempts);
        Assert.Equal(2, stub.ChatRequests.Count);
        Assert.Contains("within 0.25 s (2 attempts)", reply.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteAsync_RequestTimeoutLongerThanOptions_WaitsForTheSlowReply()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Text("slow").After(TimeSpan.FromSeconds(1)));

        var reply = await Client(stub, maxRetries: 0, timeout: TimeSpan.FromMilliseconds(100))
            .CompleteAsync(new ModelRequest(Hello) { Timeout = TimeSpan.FromSeconds(60) });

        Assert.True(reply.Success, reply.Error);
        Assert.Equal("slow", reply.Text);
        Assert.Equal(1, reply.Attempts);
    }

    [Fact]
    public async Task CompleteAsync_DroppedConnections_AreRetried()
    {
        using var stub = new ModelStub().Enqueue(StubReply.Status(429), StubReply.Drop(), StubReply.Status(500), StubReply.Drop(StubDrop.MidResponse), StubReply.Text("back"));

        var reply = await Client(stub, maxRetries: 4).CompleteAsync(Hello);

        Assert.True(reply.Success, reply.Error);
        Assert.Equal("back", reply.Text);
        Assert.Equal(5, reply.Attempts);
        Assert.Equal(5, stub.ChatRequests.Count);
    }

    [Theory]
    [InlineData(StubDrop.BeforeResponse)]
    [InlineData(StubDrop.MidResponse)]
    public async Task CompleteAsync_DroppedEveryTime_FailsNamingUrlAfterRetries(StubDrop how)
    {
        using var stub = new ModelStub { Fallback = StubReply.Drop(how) };

        var reply = await Client(stub, maxRetries: 2).CompleteAsync(Hello);

        Assert.False(reply.Success);
        Assert.Null(reply.StatusCode);
        Assert.Equal(3, reply.Attempts);
        Assert.Equal(3, stub.ChatRequests.Count);
        Assert.Equal($"{stub.Endpoint.AbsoluteUri}/chat/completions dropped the connection before a full reply: The response ended prematurely. (ResponseEnded) (3 attempts)", reply.Error);
    }

    [Fact]
    public async Task CompleteAsync_InvalidRequest_ThrowsNamingField()
    {
        using var stub = new ModelStub();
        var client = Client(stub);

        Assert.Contains("TopLogProbs", (await Assert.ThrowsAsync<ArgumentException>(() => client.CompleteAsync(new ModelRequest(Hello) { TopLogProbs = 21 }))).Message, StringComparison.Ordinal);
        Assert.Contains("ModelRequest.TopP", (await Assert.ThrowsAsync<ArgumentException>(() => client.CompleteAsync(new ModelRequest(Hello) { TopP = 0 }))).Message, StringComparison.Ordinal);
        Assert.Contains("ModelRequest.Timeout", (await Assert.ThrowsAsync<ArgumentException>(() => client.CompleteAsync(new ModelRequest(Hello) { Timeout = TimeSpan.Zero }))).Message, StringComparison.Ordinal);
        Assert.Contains("Messages[1] is a tool message without a ToolCallId", (await Assert.ThrowsAsync<ArgumentException>(() => client.CompleteAsync(new ModelRequest([Hello[0], new ModelMessage("tool", "x")])))).Message, StringComparison.Ordinal);
        Assert.Empty(stub.Requests);
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
        var endpoint = ModelStub.RefusedEndpoint();
        var client = new ModelClient(new ModelClientOptions { Endpoint = endpoint, Model = "m", RetryDelay = TimeSpan.Zero });

        var reply = await client.CompleteAsync(Hello);

        Assert.False(reply.Success);
        Assert.Equal(1, reply.Attempts);
        Assert.Equal($"cannot reach {endpoint.AbsoluteUri}/chat/completions: connection refused (1 attempt)", reply.Error);
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
        Assert.Contains("TopP", Assert.Throws<ArgumentException>(() => new ModelClientOptions { Endpoint = good.Endpoint, Model = "m", TopP = 1.5 }.Validate()).Message, StringComparison.Ordinal);
        Assert.Contains("MaxTokens", Assert.Throws<ArgumentException>(() => new ModelClientOptions { Endpoint = good.Endpoint, Model = "m", MaxTokens = 0 }.Validate()).Message, StringComparison.Ordinal);
    }
}
