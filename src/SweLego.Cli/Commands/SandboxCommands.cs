using System.CommandLine;
using SweLego.Agent;
using SweLego.Sandboxes;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego sandbox run</c>: run one command in a sandbox and print what the agent would see; <c>sandbox probe</c>: the escape/limit probes.</summary>
internal static partial class SandboxCommands
{
    // The accepted range of sizes, in the options' unit (SandboxLimits.Validate holds the same bound in bytes).
    private const int MaxMib = (int)(SandboxLimits.MaxBytes >> 20);

    public static Command Create()
    {
        var sandbox = new Command("sandbox",
            "Diagnose the sandbox runtime (bwrap, docker): run a command, or probe that hostile code stays contained.\n\n" +
            "Examples:\n  swelego sandbox run -- python3 -c 'print(42)'\n  swelego sandbox probe --backend docker");
        sandbox.Subcommands.Add(CreateRun());
        sandbox.Subcommands.Add(CreateProbe());
        sandbox.Subcommands.Add(SandboxRootFsCommand.Create());
        return sandbox;
    }

    private static Command CreateRun()
    {
        var backend = CommonOptions.Backend();
        var dockerHost = CommonOptions.DockerHost();
        var rootFs = CommonOptions.RootFs();
        var image = new Option<string?>("--image") { Description = "Container image (docker only; default: swelego/base:bookworm-3).", HelpName = "IMAGE" };
        var workspace = new Option<string?>("--workspace", "-w")
        {
            Description = "Host directory mounted read-write as the workspace (default: a new empty temporary directory; with --image and no --workspace, the image's working directory).",
            HelpName = "DIR",
        };
        var workdir = new Option<string?>("--workdir") { Description = "Workspace path inside the sandbox (default: the host path, or the image's working directory).", HelpName = "PATH" };
        var timeout = NumericOptions.Seconds("--timeout", "Hard timeout of the command in seconds.", 120, "-t");
        var memory = NumericOptions.Whole("--memory", "MIB", "Memory limit in MiB.", 16, MaxMib, 2048);
        var processes = NumericOptions.Whole("--max-processes", "N", "Process limit.", 16, 4_194_304, 512);
        var disk = NumericOptions.Whole("--disk", "MIB", "Disk the workspace may use, in MiB.", 1, MaxMib, (int)(SandboxLimits.Default.DiskBytes >> 20));
        var tmp = NumericOptions.OptionalWhole("--tmp", "MIB",
            "Size of the private /tmp in MiB; it lives in memory, so /tmp and /dev/shm together must stay below --memory (default: 512, at most a quarter of --memory).", 1, MaxMib);
        var command = new Argument<string[]>("command")
        {
            Description = "The command after --: one argument is bash source, run exactly as an agent's execute_bash call; several are a program and its arguments (quoted for you).",
            Arity = ArgumentArity.OneOrMore,
        };

        var run = new Command("run",
            "Run one command in a fresh sandbox and print the observation exactly as the agent sees it " +
            "(output, working directory, Python interpreter, exit code). Exits with the command's exit code.\n\n" +
            "Examples:\n" +
            "  swelego sandbox run -- python3 -c 'print(42)'\n" +
            "  swelego sandbox run --memory 512 --disk 1024 --tmp 64 -- 'pip --version'\n" +
            "  swelego sandbox run --backend docker --image swelego/base:bookworm-3 --workdir /testbed -- 'ls -la && git --version'");
        foreach (var option in (Option[])[backend, dockerHost, rootFs, image, workspace, workdir, timeout, memory, processes, disk, tmp]) run.Options.Add(option);
        run.Arguments.Add(command);
        run.SetAction(async (parse, cancellationToken) =>
        {
            string[] words = parse.GetValue(command)!;
            if (words[0].StartsWith('-'))
                throw new UsageException($"Unknown option '{words[0]}'. Put the command after --, e.g. swelego sandbox run -- ls -la");
            string backendName = parse.GetValue(backend)!;
            string? imageName = parse.GetValue(image);
            if (imageName is not null && backendName != SandboxBackends.Docker)
                throw new UsageException("--image needs --backend docker (bwrap runs on this machine's own file system).");

            var limits = SandboxLimits.Default with
            {
                CommandTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                MemoryBytes = (long)parse.GetValue(memory) << 20,
                MaxProcesses = parse.GetValue(processes),
                DiskBytes = (long)parse.GetValue(disk) << 20,
            };
            // Unset, /tmp and /dev/shm follow the memory limit (SandboxLimits' defaults).
            if (parse.GetValue(tmp) is { } tmpMib) limits = limits with { TmpBytes = (long)tmpMib << 20 };
            try { limits.Validate(); }
            catch (ArgumentException e) { throw new UsageException($"{e.Message} (see --memory, --tmp)", e); }

            string? hostWorkspace = parse.GetValue(workspace);
            string? temporary = null;
            if (hostWorkspace is null && imageName is null) hostWorkspace = temporary = Directory.CreateTempSubdirectory("swelego-sandbox-").FullName;
            try
            {
                var spec = new SandboxSpec
                {
                    HostWorkspace = hostWorkspace is null ? null : Path.GetFullPath(hostWorkspace),
                    Image = imageName,
                    Workdir = parse.GetValue(workdir),
                    Limits = limits,
                };
                try { spec.Validate(); }
                catch (ArgumentException e) { throw new UsageException(e.Message, e); }

                await using var session = await SandboxBackends.Create(backendName, parse.GetValue(dockerHost), parse.GetValue(rootFs)).StartAsync(spec, cancellationToken);
                var result = await session.ExecAsync(ToBash(words), null, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                string? python = result.SessionEnded ? null : await BashObservation.PythonInterpreterAsync(session, cancellationToken);
                Console.Out.WriteLine(BashObservation.Finished(result, python));
                return result.ExitCode is >= 0 and <= 255 ? result.ExitCode : CliApp.Failure;
            }
            finally
            {
                if (temporary is not null) Directory.Delete(temporary, recursive: true);
            }
        });
        return run;
    }

    private static string ToBash(string[] words) =>
        words.Length == 1 ? words[0] : string.Join(' ', words.Select(BashQuoting.QuoteIfNeeded));
}
