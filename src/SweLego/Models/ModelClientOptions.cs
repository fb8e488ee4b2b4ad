namespace SweLego.Models;

/// <summary>
/// Where and how <see cref="ModelClient"/> talks to an OpenAI-compatible chat server (vLLM, SGLang,
/// Ollama, hosted APIs). Defaults are documented per property; <see cref="Validate"/> (called by
/// the client's constructor) rejects bad values with a message naming the property.
/// </summary>
public sealed class ModelClientOptions
{
    /// <summary>Base URL of the API, including <c>/v1</c>: <c>http://127.0.0.1:8000/v1</c>. Required.</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Bearer token. Default <c>EMPTY</c>: vLLM, SGLang and Ollama accept anything.</summary>
    public string ApiKey { get; init; } = "EMPTY";

    /// <summary>The served model name (the <c>model</c> field of the request). Required.</summary>
    public string Model { get; init; } = "";

    /// <summary>Sampling temperature, 0–2; null leaves the server's default.</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling, more than 0 and at most 1 (sent as <c>top_p</c>); null leaves the server's default.</summary>
    public double? TopP { get; init; }

    /// <summary>Upper bound on generated tokens (sent as <c>max_tokens</c>); null leaves the server's default.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Sampling seed (sent as <c>seed</c>); null leaves the server's default.</summary>
    public long? Seed { get; init; }

    /// <summary>Time allowed for one HTTP attempt (default 120 s); a slower attempt counts as a timeout and is retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Retries after the first attempt on HTTP 5xx, 429 and timeouts (default 3, at most 10).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Delay before the first retry (default 1 s); it doubles per retry, with jitter.</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap on one retry delay (default 30 s).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid property.</summary>
    public void Validate()
    {
        if (Endpoint is null)
        {
            throw new ArgumentException("ModelClientOptions.Endpoint is required (e.g. http://127.0.0.1:8000/v1).");
        }

        if (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"ModelClientOptions.Endpoint must be an absolute http or https URL (e.g. http://127.0.0.1:8000/v1), not '{Endpoint}'.");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException("ModelClientOptions.ApiKey must not be empty (use \"EMPTY\" for servers that ignore it).");
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            throw new ArgumentException("ModelClientOptions.Model is required: the model name the server serves.");
        }

        SamplingChecks.Temperature(Temperature, "ModelClientOptions.Temperature");
        SamplingChecks.TopP(TopP, "ModelClientOptions.TopP");
        SamplingChecks.MaxTokens(MaxTokens, "ModelClientOptions.MaxTokens");
        SamplingChecks.Timeout(RequestTimeout, "ModelClientOptions.RequestTimeout");

        if (MaxRetries is < 0 or > 10)
        {
            throw new ArgumentException($"ModelClientOptions.MaxRetries must be between 0 and 10, not {MaxRetries}.");
        }

        if (RetryDelay < TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentException($"ModelClientOptions.RetryDelay must be between 0 and 5 minutes, not {RetryDelay}.");
        }

        if (MaxRetryDelay < RetryDelay || MaxRetryDelay > TimeSpan.FromHours(1))
        {
            throw new ArgumentException($"ModelClientOptions.MaxRetryDelay must be at least RetryDelay ({RetryDelay}) and at most 1 hour, not {MaxRetryDelay}.");
        }
    }
}
