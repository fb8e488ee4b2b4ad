using System.CommandLine;
using SweLego.Runs;
using SweLego.Sandboxes;

namespace SweLego.Cli;

/// <summary>Options shared by verbs, so they are spelled and documented the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Show stack traces and extra diagnostics.",
        Recursive = true,
    };

    public static Option<string?> Run() => new("--run")
    {
        Description = "Run folder for this stage's outputs (default: runs/<new id>). An existing folder is resumed.",
        HelpName = "DIR",
    };

    public static Option<string> Backend() => new Option<string>("--backend", "-b")
    {
        Description = "Sandbox backend: bwrap (bubblewrap on this machine) or docker (Docker Engine API).",
        DefaultValueFactory = _ => SandboxBackends.Bwrap,
    }.AcceptOnlyFromAmong([.. SandboxBackends.Names]);

    public static Option<string?> DockerHost() => new("--docker-host")
    {
        Description = "Docker Engine endpoint, unix:///path or tcp://host:port (default: $DOCKER_HOST or unix:///var/run/docker.sock).",
        HelpName = "URL",
    };

    /// <summary>Opens the run folder named by <paramref name="path"/>, or creates runs/&lt;new id&gt;.</summary>
    public static RunFolder OpenRun(string? path, string[] commandLine)
    {
        var options = new RunFolderOptions { ToolVersion = CliApp.Version, CommandLine = commandLine };
        return path is null ? RunFolder.CreateUnder("runs", options) : RunFolder.OpenOrCreate(path, options);
    }
}
