using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace SweLego.Models;

/// <summary>
/// How the model client and the preflight classify and describe transport failures, so both
/// retry the same things and word their one-line errors alike.
/// </summary>
internal static class TransportErrors
{
    private const int ErrorBodyChars = 300;

    /// <summary>No server listens at the address: retrying cannot help.</summary>
    public static bool IsRefused(Exception e) =>
        Chain(e).Any(x => x is SocketException { SocketErrorCode: SocketError.ConnectionRefused });

    /// <summary>
    /// The server accepted the connection, then closed or reset it before a full response
    /// ("response ended prematurely", "connection reset by peer"): a crashed or restarting worker,
    /// worth a retry.
    /// </summary>
    public static bool IsDropped(Exception e) => !IsRefused(e) && Chain(e).Any(x => x is IOException);

    /// <summary>Failures of the HTTP exchange itself (as opposed to a status the server sent).</summary>
    public static bool IsTransport(Exception e) => e is System.ClientModel.ClientResultException or HttpRequestException or IOException;

    /// <summary>The most specific reason in <paramref name="e"/>'s chain, e.g. "connection refused".</summary>
    public static string Reason(Exception e) =>
        IsRefused(e) ? "connection refused" : Chain(e).Last().Message.ReplaceLineEndings(" ");

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    /// <summary>The start of a response body on one line, for error messages.</summary>
    public static string Excerpt(string text)
    {
        var builder = new StringBuilder(text.Length > ErrorBodyChars ? text[..ErrorBodyChars] : text);
        builder.Replace('\n', ' ').Replace('\r', ' ');
        if (text.Length > ErrorBodyChars)
        {
            builder.Append('…');
        }

        return builder.Length == 0 ? "(empty body)" : builder.ToString();
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            yield return inner;
        }
    }
}
