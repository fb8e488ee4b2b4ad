using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SweLego.Runs;

namespace SweLego.Environments;

/// <summary>
/// How to build and test a repository, inferred from its configuration files
/// (<see cref="Inference.EnvironmentInference"/>). Serialized into run folders; its
/// <see cref="ContentHash"/> names built environments so an unchanged spec is reused.
/// </summary>
public sealed record EnvironmentSpec : IVersionedRecord
{
    public const int FormatVersion = 1;

    public int V { get; init; } = FormatVersion;

    /// <summary>Interpreter version to use ("3.11"), from .python-version or the declared requirement; null = the base image's.</summary>
    public string? PythonVersion { get; init; }

    /// <summary>The declared <c>requires-python</c> / <c>python_requires</c> specifier, as written.</summary>
    public string? RequiresPython { get; init; }

    /// <summary>Runtime and test requirements, in the order found, duplicates removed.</summary>
    public IReadOnlyList<string> Requirements { get; init; } = [];

    /// <summary>Shell commands that install the project into its environment, run from the repository root.</summary>
    public IReadOnlyList<string> InstallSteps { get; init; } = [];

    /// <summary><c>pytest</c>, <c>unittest</c> or <c>django</c>.</summary>
    public required string TestFramework { get; init; }

    /// <summary>The test command test files are appended to (spec §5), e.g. <c>pytest -rA</c>.</summary>
    public required string TestCommand { get; init; }

    /// <summary>Name of the log parser for the test command's output (see SweLego.Tasks.Harness).</summary>
    public required string LogParser { get; init; }

    /// <summary>
    /// How to install the project from its sources when pip cannot build it (no index and no build
    /// backend); null when there is no project to install.
    /// </summary>
    public SourceInstall? SourceInstall { get; init; }

    /// <summary>Configuration files that were read, relative to the repository root.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>What could not be read or was guessed (shown to the user, kept with the instances).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>A short hash of everything that changes how the environment is built.</summary>
    public string ContentHash
    {
        get
        {
            string identity = JsonSerializer.Serialize(new { PythonVersion, Requirements, InstallSteps, TestFramework, TestCommand, SourceInstall });
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
        }
    }
}
