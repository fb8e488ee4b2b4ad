namespace SweLego.Models;

/// <summary>
/// The model server cannot be used: it is down, does not serve the model, or answers with an
/// error. <see cref="Exception.Message"/> is one line naming the URL and the model, fit to print as is.
/// </summary>
public sealed class ModelUnavailableException : Exception
{
    public ModelUnavailableException()
    {
    }

    public ModelUnavailableException(string message)
        : base(message)
    {
    }

    public ModelUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
