namespace SweLego.Environments;

/// <summary>A repository's configuration cannot be read (the message names the file and, where known, the line).</summary>
public sealed class EnvironmentInferenceException : Exception
{
    public EnvironmentInferenceException() { }
    public EnvironmentInferenceException(string message) : base(message) { }
    public EnvironmentInferenceException(string message, Exception innerException) : base(message, innerException) { }
}
