namespace SweLego.Python.Checking;

/// <summary>Options of <see cref="PythonCheck.Run"/>; the defaults suit a summary printout.</summary>
public sealed class PythonCheckOptions
{
    /// <summary>
    /// List every function and class with its CPython-style span in the file details (what
    /// <c>--json</c> prints). Default: false.
    /// </summary>
    public bool IncludeDefinitions { get; init; }

    /// <summary>Files parsed at once. Default: <see cref="Environment.ProcessorCount"/>; must be at least 1.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Directory names never descended into. Default: version-control folders and
    /// <c>__pycache__</c>. Symlinked directories are never followed (like <c>os.walk</c>).
    /// </summary>
    public IReadOnlyCollection<string> ExcludedDirectories { get; init; } = [".git", ".hg", ".svn", "__pycache__"];

    /// <summary>Clock for the elapsed time in the summary. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxDegreeOfParallelism, 1, nameof(MaxDegreeOfParallelism));
        ArgumentNullException.ThrowIfNull(ExcludedDirectories, nameof(ExcludedDirectories));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
