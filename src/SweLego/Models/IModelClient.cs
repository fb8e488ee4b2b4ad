namespace SweLego.Models;

/// <summary>A chat model: one call, a value back (see <see cref="ModelReply"/>).</summary>
public interface IModelClient
{
    /// <summary>The model name requests use (for descriptions and reports).</summary>
    string Model { get; }

    /// <summary>
    /// Sends <paramref name="messages"/> and returns the first choice's text, or a failed reply.
    /// Only cancellation through <paramref name="cancellationToken"/> throws.
    /// </summary>
    Task<ModelReply> CompleteAsync(IReadOnlyList<ModelMessage> messages, CancellationToken cancellationToken = default);
}
