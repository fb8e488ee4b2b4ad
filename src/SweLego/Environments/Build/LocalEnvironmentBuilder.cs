using System.Text.Json;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Bwrap;

namespace SweLego.Environments.Build;

/// <summary>
/// Builds an environment as a virtualenv in a bwrap sandbox: the repository is the workspace,
/// the venv lives in <c>environmentsRoot/&lt;spec hash&gt;</c> on the host, mounted read-write at
/// <see cref="VenvPath"/> (every path inside the venv names that sandbox path, never the host
/// folder, so the folder can move with its run folder), and is reused while the spec is unchanged. Offline (machines without PyPI) it sees the system's
/// packages (<c>--system-site-packages</c>), installs the project with <c>pip --no-index</c>
/// and no dependencies, and reports the requirements it could not find instead of failing.
/// </summary>
public static class LocalEnvironmentBuilder
{
    private const string MarkerFile = ".swelego-environment.json";

    /// <summary>Where the venv is mounted in every sandbox that builds or uses it.</summary>
    public const string VenvPath = "/tmp/swelego-env";

    /// <summary>How long a build waits for another build of the same environment.</summary>
    private static readonly TimeSpan MaxBuildWait = TimeSpan.FromHours(2);

    /// <param name="workdir">
    /// Where the repository is mounted in the sandbox (default: its own path). An editable install
    /// points at this path, so every checkout later mounted there uses the environment.
    /// </param>
    public static async Task<EnvironmentBuildResult> BuildAsync(
        EnvironmentSpec spec, string repository, string environmentsRoot, bool offline, string? workdir = null, CancellationToken cancellationToken = default)
    {
        string directory = Path.GetFullPath(Path.Combine(environmentsRoot, spec.ContentHash + (offline ? "-offline" : "")));
        string marker = Path.Combine(directory, MarkerFile);
        // One build per directory at a time, across threads and processes: a second build of the same
        // spec waits, then reuses the first one's environment.
        using var buildLock = await Task.Run(() => FileLock.Acquire(directory, MaxBuildWait), cancellationToken);
        if (File.Exists(marker) && JsonSerializer.Deserialize<EnvironmentBuildResult>(File.ReadAllText(marker), RunJson.Options) is { Success: true, Directory: VenvPath } previous)
            return previous with { Reused = true, HostDirectory = directory };

        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        string sourceFolder = Path.Combine(directory, EnvironmentCommands.SourceFolder);
        Directory.CreateDirectory(sourceFolder);
        foreach (var (name, content) in EnvironmentCommands.SourceFiles(spec)) File.WriteAllText(Path.Combine(sourceFolder, name), content);
        var sandbox = new SandboxSpec { HostWorkspace = repository, Workdir = workdir, Mounts = [new SandboxMount(directory, VenvPath)] };
        await using var session = await new BwrapBackend().StartAsync(sandbox, cancellationToken);

        string python = $"{VenvPath}/bin/python";
        string[] commands = [EnvironmentCommands.CreateVenv(VenvPath, offline), .. EnvironmentCommands.Install(spec, VenvPath, offline)];

        var steps = new List<EnvironmentBuildStep>();
        foreach (string command in commands)
        {
            var result = await session.ExecAsync(command, new ExecOptions { Timeout = TimeSpan.FromMinutes(20) }, cancellationToken);
            steps.Add(new EnvironmentBuildStep(command, result.ExitCode, result.Output, result.Duration));
            if (result.ExitCode != 0)
                return new EnvironmentBuildResult(false, VenvPath, spec.ContentHash, [], steps, BuildProblem.Describe(command, result.ExitCode, result.Output, directory))
                    { HostDirectory = directory };
        }

        var unmet = await session.ExecAsync(EnvironmentCommands.CheckRequirements(spec, python), null, cancellationToken);
        steps.Add(new EnvironmentBuildStep("check requirements", unmet.ExitCode, unmet.Output, unmet.Duration));
        var missing = unmet.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string status = Path.Combine(sourceFolder, EnvironmentCommands.StatusFile);
        var built = new EnvironmentBuildResult(true, VenvPath, spec.ContentHash, missing, steps, Problem: null)
        {
            HostDirectory = directory,
            Install = EnvironmentCommands.ReadInstall(File.Exists(status) ? File.ReadAllText(status) : null),
        };
        AtomicFile.WriteJson(marker, built with { Steps = [] }, RunJson.Options);
        return built;
    }
}
