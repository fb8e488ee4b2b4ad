using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json;
using OpenAI.Models;

namespace SweLego.Models;

/// <summary>
/// Checks, before any rollout starts, that the model server answers and serves the model:
/// <c>GET {Endpoint}/models</c>, or a one-token chat request when the server has no such route
/// (HTTP 404). Hours of rollouts should not start against a server that is down or a misspelt
/// model name, and every rollout should not fail with the same error.
/// </summary>
public static class ModelPreflight
{
    /// <summary>
    /// The served model and its context window, or <see cref="ModelUnavailableException"/> with one
    /// line naming the URL and the model. Only cancellation through <paramref name="cancellationToken"/>
    /// throws anything else.
    /// </summary>
    public static async Task<ModelServerInfo> CheckAsync(ModelClientOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        string baseUrl = options.Endpoint!.AbsoluteUri.TrimEnd('/');
        string model = $"model '{options.Model}'";
        var client = new OpenAIModelClient(new ApiKeyCredential(options.ApiKey), ModelClient.SdkOptions(options));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RequestTimeout);
        PipelineResponse response;
        try
        {
            var result = await client.GetModelsAsync(new RequestOptions { CancellationToken = timeout.Token, ErrorOptions = ClientErrorBehaviors.NoThrow }).ConfigureAwait(false);
            response = result.GetRawResponse();
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ModelUnavailableException(
                $"no answer from the model server at {baseUrl} (GET /models) within {TransportErrors.Seconds(options.RequestTimeout)}; {model}", e);
        }
        catch (Exception e) when (TransportErrors.IsTransport(e) && !cancellationToken.IsCancellationRequested)
        {
            throw new ModelUnavailableException(TransportErrors.IsRefused(e)
                ? $"cannot reach the model server at {baseUrl} (connection refused) — is it running? {model}"
                : $"cannot reach the model server at {baseUrl} ({TransportErrors.Reason(e)}); {model}", e);
        }

        if (response.Status == 404)
        {
            return await ChatProbeAsync(options, baseUrl, model, cancellationToken).ConfigureAwait(false);
        }

        string body = response.Content.ToString();
        if (response.Status is < 200 or > 299)
        {
            throw new ModelUnavailableException(
                $"the model server at {baseUrl} answered GET /models with HTTP {response.Status}: {TransportErrors.Excerpt(body)}; {model}");
        }

        var served = ServedModels(body)
            ?? throw new ModelUnavailableException($"the model server at {baseUrl} answered GET /models without a data list: {TransportErrors.Excerpt(body)}; {model}");
        var match = served.FirstOrDefault(m => Serves(m.Id, options.Model));
        if (match.Id is null)
        {
            string list = served.Count == 0 ? "no models" : string.Join(", ", served.Select(m => $"'{m.Id}'"));
            throw new ModelUnavailableException($"the model server at {baseUrl} does not serve {model}; it serves {list}");
        }

        return new ModelServerInfo(match.Id, match.ContextWindow, [.. served.Select(m => m.Id)]);
    }

    /// <summary>The fallback for servers without <c>/models</c>: a one-token completion must succeed.</summary>
    private static async Task<ModelServerInfo> ChatProbeAsync(ModelClientOptions options, string baseUrl, string model, CancellationToken cancellationToken)
    {
        var reply = await new ModelClient(options)
            .CompleteAsync(new ModelRequest([ModelMessage.User("Reply with OK.")]) { MaxTokens = 1 }, cancellationToken).ConfigureAwait(false);
        return reply.Success
            ? new ModelServerInfo(options.Model, null, [])
            : throw new ModelUnavailableException($"the model server at {baseUrl} has no /models and a one-token request for {model} failed: {reply.Error}");
    }

    /// <summary>
    /// Exact ids match; Ollama also serves <c>NAME</c> as <c>NAME:latest</c>, the id it lists.
    /// </summary>
    private static bool Serves(string id, string model) => id == model || id == model + ":latest";

    /// <summary>The <c>data</c> entries' ids and <c>max_model_len</c>; null when the body has no <c>data</c> array.</summary>
    private static List<(string Id, int? ContextWindow)>? ServedModels(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("data", out var data)
                || data.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            return [.. data.EnumerateArray()
                .Where(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                .Select(m => (m.GetProperty("id").GetString()!,
                    m.TryGetProperty("max_model_len", out var length) && length.ValueKind == JsonValueKind.Number && length.TryGetInt32(out int tokens) ? tokens : (int?)null))];
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
