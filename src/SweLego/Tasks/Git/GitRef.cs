namespace SweLego.Tasks.Git;

/// <summary>One ref as listed by for-each-ref; tags also carry the object they peel to.</summary>
internal sealed record GitRef(string Name, string ObjectId, string ObjectType, DateTimeOffset Date)
{
    public string? PeeledId { get; init; }

    public string? PeeledType { get; init; }
}
