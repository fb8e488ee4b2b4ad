namespace SweLego.Sandboxes;

/// <summary>The environment every sandbox shell starts with (before the spec's own variables).</summary>
internal static class SandboxEnvironment
{
    public static IEnumerable<KeyValuePair<string, string>> Defaults(string path) =>
    [
        new("PATH", path),
        // The only writable places are the workspace and /tmp; home is private scratch.
        new("HOME", "/tmp"),
        new("LANG", "C.UTF-8"),
        new("TERM", "dumb"),
        // Pagers would wait for a key press that never comes.
        new("PAGER", "cat"),
        new("GIT_PAGER", "cat"),
        new("PIP_NO_INPUT", "1"),
        new("DEBIAN_FRONTEND", "noninteractive"),
    ];
}
