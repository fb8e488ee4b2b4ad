namespace SweLego.Models;

/// <summary>One chat message: <see cref="Role"/> is <c>system</c>, <c>user</c> or <c>assistant</c>.</summary>
public sealed record ModelMessage(string Role, string Content)
{
    public static ModelMessage System(string content) => new("system", content);

    public static ModelMessage User(string content) => new("user", content);

    public static ModelMessage Assistant(string content) => new("assistant", content);
}
