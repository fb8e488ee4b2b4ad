namespace SweLego.Tests.TestSupport;

/// <summary>One entry of <see cref="ModelStub"/>'s <c>GET /v1/models</c>; <paramref name="MaxModelLen"/> is vLLM's context window field.</summary>
public sealed record StubModel(string Id, int? MaxModelLen = null);
