namespace SweLego.Environments.Inference;

/// <summary>
/// What a <c>setup.py</c> declares in its <c>setup(...)</c> call, read statically. Keywords
/// whose values are not literals (computed at run time) are listed in <see cref="Unresolved"/>
/// rather than guessed.
/// </summary>
public sealed record SetupPyMetadata
{
    public string? Name { get; init; }
    public string? PythonRequires { get; init; }
    public IReadOnlyList<string> InstallRequires { get; init; } = [];
    public IReadOnlyList<string> SetupRequires { get; init; } = [];
    public IReadOnlyList<string> TestsRequire { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExtrasRequire { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Keywords present in the call whose values could not be read without running the file.</summary>
    public IReadOnlyList<string> Unresolved { get; init; } = [];
}
