namespace SweLego.Cli;

/// <summary>Bad combination of options found by a verb after parsing (exit code 2).</summary>
public sealed class UsageException : Exception
{
    public UsageException() { }
    public UsageException(string message) : base(message) { }
    public UsageException(string message, Exception innerException) : base(message, innerException) { }
}
