using SweLego.Models;
using SweLego.Tests.TestSupport;

namespace SweLego.Tests.Models;

public sealed class ModelPreflightTests
{
    private static ModelClientOptions Options(Uri endpoint, string model = "stub-model") => new()
    {
        Endpoint = endpoint,
        Model = model,
        MaxRetries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(1),
        MaxRetryDelay = TimeSpan.FromMilliseconds(5),
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    [Fact]
    public async Task CheckAsync_ServerServesModel_ReturnsIdAndContextWindow()
    {
        using var stub = new ModelStub { ServedModels = [new("other"), new("stub-model", MaxModelLen: 32768)] };

        var info = await ModelPreflight.CheckAsync(Options(stub.Endpoint));

        Assert.Equal(new ModelServerInfo("stub-model", 32768, info.ServedModels), info);
        Assert.Equal(["other", "stub-model"], info.ServedModels);
        var request = Assert.Single(stub.Requests);
        Assert.Equal(("GET", "/v1/models"), (request.Method, request.Path));
        Assert.Equal("Bearer EMPTY", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task CheckAsync_NoMaxModelLen_ContextWindowNull()
    {
        using var stub = new ModelStub();

        var info = await ModelPreflight.CheckAsync(Options(stub.Endpoint));

        Assert.Equal("stub-model", info.Model);
        Assert.Null(info.ContextWindow);
    }

    [Fact]
    public async Task CheckAsync_ServerDown_OneLineNamingUrlAndModel()
    {
        var endpoint = ModelStub.RefusedEndpoint();

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => ModelPreflight.CheckAsync(Options(endpoint, "Qwen/Qwen3-8B")));

        Assert.Equal($"cannot reach the model server at {endpoint.AbsoluteUri} (connection refused) — is it running? model 'Qwen/Qwen3-8B'", error.Message);
    }

    [Fact]
    public async Task CheckAsync_WrongModelName_ListsWhatTheServerServes()
    {
        using var stub = new ModelStub { ServedModels = [new("Qwen/Qwen3-8B"), new("Qwen/Qwen3-32B")] };

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => ModelPreflight.CheckAsync(Options(stub.Endpoint, "qwen3-8b")));

        Assert.Equal($"the model server at {stub.Endpoint.AbsoluteUri} does not serve model 'qwen3-8b'; it serves 'Qwen/Qwen3-8B', 'Qwen/Qwen3-32B'", error.Message);
        Assert.Empty(stub.ChatRequests);
    }

    [Fact]
    public async Task CheckAsync_OllamaLatestTag_MatchesBareName()
    {
        using var stub = new ModelStub { ServedModels = [new("llama3:latest")] };

        var info = await ModelPreflight.CheckAsync(Options(stub.Endpoint, "llama3"));

        Assert.Equal("llama3:latest", info.Model);
    }

    [Fact]
    public async Task CheckAsync_NoModelsRoute_FallsBackToOneTokenChat()
    {
        using var stub = new ModelStub { ModelsRouteMissing = true }.Enqueue(StubReply.Text("OK"));

        var info = await ModelPreflight.CheckAsync(Options(stub.Endpoint));

        Assert.Equal(new ModelServerInfo("stub-model", null, info.ServedModels), info);
        Assert.Empty(info.ServedModels);
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(1, (int)Assert.Single(stub.ChatRequests).JsonBody!["max_tokens"]!);
    }

    [Fact]
    public async Task CheckAsync_NoModelsRouteAndChatFails_OneLineWithTheChatError()
    {
        using var stub = new ModelStub
        {
            ModelsRouteMissing = true,
            Fallback = StubReply.Status(404, "{\"error\":{\"message\":\"The model `nope` does not exist.\"}}"),
        };

        var error = await Assert.ThrowsAsync<ModelUnavailableException>(() => ModelPreflight.CheckAsync(Options(stub.Endpoint, "nope")));

        Assert.StartsWith($"the model server at {stub.Endpoint.AbsoluteUri} has no /models and a one-token request for model 'nope' failed: HTTP 404 from ", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
