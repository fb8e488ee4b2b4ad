namespace SweLego.Sandboxes.Probes;

/// <summary>Short, one-line renderings of what a command did, for a probe's evidence.</summary>
internal static class ProbeEvidence
{
    private const int MaxLine = 200;

    /// <summary>The output's lines that start with one of the probe script's verdict words, joined with "; ".</summary>
    public static string Lines(string output, params string[] prefixes)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => prefixes.Length == 0 || prefixes.Any(p => l.StartsWith(p, StringComparison.Ordinal)))
            .ToList();
        return lines.Count == 0 ? "(no output)" : Cut(string.Join("; ", lines));
    }

    /// <summary>The first non-empty line of the output.</summary>
    public static string FirstLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } line ? Cut(line) : "(no output)";

    /// <summary>Exit code, flags and notes of a result.</summary>
    public static string Describe(ExecResult result)
    {
        var parts = new List<string> { $"exit {result.ExitCode} after {result.Duration.TotalSeconds:0.0} s" };
        if (result.TimedOut) parts.Add("timed out");
        if (result.MemoryLimitHit) parts.Add("memory limit hit");
        if (result.ProcessLimitHit) parts.Add("process limit hit");
        if (result.OutputLimitHit) parts.Add("output limit hit");
        if (result.SessionEnded) parts.Add("session ended");
        parts.Add(result.Notes.Count == 0 ? "no notes" : $"notes: {string.Join(" | ", result.Notes.Select(n => n.TrimEnd('.')))}");
        return Cut(string.Join(", ", parts), 400);
    }

    public static bool HasNote(ExecResult result, string word) =>
        result.Notes.Any(n => n.Contains(word, StringComparison.OrdinalIgnoreCase));

    public static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):0.#} MiB";

    private static string Cut(string text, int max = MaxLine) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
