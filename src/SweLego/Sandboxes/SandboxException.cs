namespace SweLego.Sandboxes;

/// <summary>The sandbox could not be started or used (an infrastructure failure, never a task failure).</summary>
public class SandboxException : Exception
{
    public SandboxException() { }
    public SandboxException(string message) : base(message) { }
    public SandboxException(string message, Exception innerException) : base(message, innerException) { }
}
