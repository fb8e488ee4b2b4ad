namespace SweLego.Runs;

/// <summary>Everything read from a JSONL file, with what had to be left out and why.</summary>
/// <param name="Records">The records, in file order.</param>
/// <param name="SkippedLines">1-based numbers of invalid lines skipped in the middle of the file.</param>
/// <param name="TornTail">The torn last line (cut short by a crash or still being written) that was ignored, or null.</param>
public sealed record JsonlReadResult<T>(IReadOnlyList<T> Records, IReadOnlyList<int> SkippedLines, JsonlTornTail? TornTail);
