namespace SweLego.Models;

/// <summary>A chat model: one call, a value back (see <see cref="ModelReply"/>).</summary>
public interface IModelClient
{
    /// <summary>The model name requests use (for descriptions and reports).</summary>
    string Model { get; }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the first choice, or a failed reply.
    /// Only cancellation through <paramref name="cancellationToken"/> throws.
    /// </summary>
    Task<ModelReply> CompleteAsync(ModelRequest request, CancellationToken cancellationToken = default);
}

/// <summary>Shorthand for requests that are only messages.</summary>
public static class ModelClientExtensions
{
    /// <summary>Plain messages with the client's default sampling.</summary>
    public static Task<ModelReply> CompleteAsync(this IModelClient client, IReadOnlyList<ModelMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.CompleteAsync(new ModelRequest(messages), cancellationToken);
    }
}
