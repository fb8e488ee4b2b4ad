namespace SweLego.Tasks;

/// <summary>What a synthetic task's bug is: the method that made it, the function it is in (<c>file::qualified name</c>) and the change, for people.</summary>
public sealed record SyntheticBug(string Method, string Function, string Description);
