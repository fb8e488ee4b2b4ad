using System.CommandLine;
using SweLego.Environments.Build;
using SweLego.Runs;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;

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
        Description = $"Docker Engine endpoint, unix:///path or tcp://host:port (default: $DOCKER_HOST or {DockerEndpoint.Default}).",
        HelpName = "URL",
    };

    public static Option<string?> RootFs() => new("--rootfs")
    {
        Description = "bwrap only: the sandbox's root file system, a folder or tarball (default: $SWELEGO_ROOTFS, else the Docker base image's content, else the last one 'sandbox rootfs' prepared).",
        HelpName = "PATH",
    };

    /// <summary>Work done at once (candidates, files); more than the machine has cores only queues.</summary>
    public static Option<int> Jobs(string description, int defaultValue) => NumericOptions.Whole("--jobs", "N", description, 1, 256, defaultValue, "-j");

    /// <summary>Repeated test runs; a test whose outcome differs between them is flaky.</summary>
    public static Option<int> Runs(string description, int defaultValue) => NumericOptions.Whole("--runs", "N", description, 1, 100, defaultValue);

    /// <summary>The seed that orders candidates: the same seed gives the same results.</summary>
    /// <summary>--audit-rate of the synthetic fast mode: the share of its instances also run with the whole suite.</summary>
    public static Option<double> AuditRate(string description) => NumericOptions.Fraction("--audit-rate", "R", description, 0.1);

    public static Option<int> Seed(string description) => NumericOptions.Whole("--seed", "S", description, 0, int.MaxValue, 42);

    /// <summary>A size option (500MB, 20GB, 1.5GiB); anything else is a usage error naming the accepted forms.</summary>
    public static Option<long?> SizeOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SIZE",
        CustomParser = result =>
        {
            string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (ByteSize.TryParse(text, out long bytes)) return bytes;
            result.AddError($"{name}: '{text}' is not a size; expected {ByteSize.Forms}.");
            return null;
        },
    };

    public static Option<long?> ImageBudget() => SizeOption("--image-budget",
        "With --backend docker: after each build, remove the least recently used environment images (never the one in use) until they fit this size (see env prune).");

    /// <summary>Opens the run folder named by <paramref name="path"/>, or creates runs/&lt;new id&gt;.</summary>
    public static RunFolder OpenRun(string? path, string[] commandLine)
    {
        var options = new RunFolderOptions { ToolVersion = CliApp.Version, CommandLine = commandLine };
        return path is null ? RunFolder.CreateUnder("runs", options) : RunFolder.OpenOrCreate(path, options);
    }
}
