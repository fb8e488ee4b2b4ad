namespace SweLego.Agent.Tools;

/// <summary>
/// Paths spelled as aci prints them, i.e. as Python's <c>pathlib</c> normalizes a string: repeated
/// slashes and <c>.</c> parts dropped, no trailing slash, <c>..</c> kept, an empty relative path <c>.</c>.
/// </summary>
internal static class EditorPath
{
    public static string Normalize(string path)
    {
        string[] parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        string joined = string.Join('/', parts);
        return path.StartsWith('/') ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>The folder holding <paramref name="path"/> (an absolute, normalized path).</summary>
    public static string Parent(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash <= 0 ? "/" : path[..slash];
    }

    /// <summary>The extension as <c>PurePath.suffix</c> gives it (<c>.pdf</c>; empty for none or a dot file).</summary>
    public static string Suffix(string path)
    {
        string name = path[(path.LastIndexOf('/') + 1)..];
        int dot = name.LastIndexOf('.');
        return dot > 0 && dot < name.Length - 1 ? name[dot..] : "";
    }
}
