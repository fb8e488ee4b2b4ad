namespace SweLego.Tasks.Git;

/// <summary>What kind of thing in a workspace lets an agent see past the base commit.</summary>
public enum LeakKind
{
    /// <summary>HEAD is not at the base commit.</summary>
    Head,

    /// <summary>A configured remote, or a remote-tracking ref.</summary>
    Remote,

    /// <summary>A branch other than the checked-out one.</summary>
    Branch,

    /// <summary>A tag dated after the base commit or naming a commit outside its history.</summary>
    Tag,

    /// <summary>The stash ref.</summary>
    Stash,

    /// <summary>Any other ref: notes, replace refs, refs/original, pull-request refs, ….</summary>
    Ref,

    /// <summary>A reflog entry.</summary>
    Reflog,

    /// <summary>A pseudo-ref, saved message or state folder inside .git (ORIG_HEAD, FETCH_HEAD, rr-cache, …).</summary>
    StateFile,

    /// <summary>A commit object in the object database outside the allowed history, reachable or not.</summary>
    Commit,

    /// <summary>A tree, blob or tag object that nothing allowed reaches (for example a future version of a file).</summary>
    UnreachableObject,
}
