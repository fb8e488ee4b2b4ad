namespace SweLego.Sandboxes;

/// <summary>Absolute paths inside a sandbox, as the backends resolve them.</summary>
internal static class SandboxPath
{
    /// <summary>The absolute, normalized form (no <c>..</c>, no trailing slash); throws for a relative path.</summary>
    public static string Normalize(string sandboxPath)
    {
        if (!sandboxPath.StartsWith('/')) throw new SandboxException($"'{sandboxPath}' must be an absolute path inside the sandbox.");
        return Path.GetFullPath(sandboxPath).TrimEnd('/') is { Length: > 0 } p ? p : "/";
    }

    /// <summary>The path relative to <paramref name="root"/> ("" for the root itself), or null when it is outside.</summary>
    public static string? RelativeTo(string root, string sandboxPath)
    {
        string full = Normalize(sandboxPath);
        string trimmed = root.TrimEnd('/');
        if (full == trimmed) return "";
        return full.StartsWith(trimmed + "/", StringComparison.Ordinal) ? full[(trimmed.Length + 1)..] : null;
    }
}
