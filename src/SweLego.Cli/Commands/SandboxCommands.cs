using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using SweLego.Agent;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Shell;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego sandbox run</c>: run one command in a sandbox and print what the agent would see; <c>sandbox probe</c>: the escape/limit probes.</summary>
internal static partial class SandboxCommands
{
    // The accepted ranges, in the units of the options (SandboxLimits.Validate holds the same bounds in bytes and seconds).
    private const long MaxMib = SandboxLimits.MaxBytes >> 20;
    private const double MaxSeconds = 30 * 24 * 3600;

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
        var image = new Option<string?>("--image") { Description = "Container image (docker only; default: swelego/base:bookworm-2).", HelpName = "IMAGE" };
        var workspace = new Option<string?>("--workspace", "-w")
        {
            Description = "Host directory mounted read-write as the workspace (default: a new empty temporary directory; with --image and no --workspace, the image's working directory).",
            HelpName = "DIR",
        };
        var workdir = new Option<string?>("--workdir") { Description = "Workspace path inside the sandbox (default: the host path, or the image's working directory).", HelpName = "PATH" };
        var timeout = new Option<double>("--timeout", "-t")
        {
            Description = $"Hard timeout of the command in seconds, above 0 and at most {MaxSeconds:0} (30 days).",
            DefaultValueFactory = _ => 120,
            HelpName = "SECONDS",
            CustomParser = ParseSeconds,
        };
        var memory = WholeNumber("--memory", "MIB", $"Memory limit in MiB, 16 to {MaxMib}.", 16, MaxMib, 2048);
        var processes = WholeNumber("--max-processes", "N", "Process limit, 16 to 4194304.", 16, 4_194_304, 512);
        var disk = WholeNumber("--disk", "MIB", $"Disk the workspace may use, in MiB, 1 to {MaxMib}.", 1, MaxMib, SandboxLimits.Default.DiskBytes >> 20);
        var tmp = new Option<long?>("--tmp")
        {
            Description = $"Size of the private /tmp in MiB, 1 to {MaxMib}; it lives in memory, so /tmp and /dev/shm together must stay below --memory " +
                          "(default: 512, at most a quarter of --memory).",
            HelpName = "MIB",
            CustomParser = result => ParseWhole(result, "--tmp", 1, MaxMib),
        };
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
            "  swelego sandbox run --backend docker --image swelego/base:bookworm-2 --workdir /testbed -- 'ls -la && git --version'");
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
                MemoryBytes = parse.GetValue(memory) << 20,
                MaxProcesses = (int)parse.GetValue(processes),
                DiskBytes = parse.GetValue(disk) << 20,
            };
            // Unset, /tmp and /dev/shm follow the memory limit (SandboxLimits' defaults).
            if (parse.GetValue(tmp) is { } tmpMib) limits = limits with { TmpBytes = tmpMib << 20 };
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
                Console.Out.WriteLine(BashObservation.Format(result, python));
                return result.ExitCode is >= 0 and <= 255 ? result.ExitCode : CliApp.Failure;
            }
            finally
            {
                if (temporary is not null) Directory.Delete(temporary, recursive: true);
            }
        });
        return run;
    }

    /// <summary>A whole-number option whose bad values (not a number, out of range) are one usage error naming the option and the range.</summary>
    private static Option<long> WholeNumber(string name, string helpName, string description, long minimum, long maximum, long defaultValue) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => ParseWhole(result, name, minimum, maximum) ?? defaultValue,
    };

    private static long? ParseWhole(ArgumentResult result, string name, long minimum, long maximum)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= minimum && value <= maximum) return value;
        result.AddError($"{name}: '{text}' is outside the accepted range: a whole number from {minimum} to {maximum}.");
        return null;
    }

    private static double ParseSeconds(ArgumentResult result)
    {
        string text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && double.IsFinite(seconds) && seconds > 0 && seconds <= MaxSeconds)
            return seconds;
        result.AddError($"--timeout: '{text}' is outside the accepted range: seconds above 0 and at most {MaxSeconds:0} (30 days).");
        return 120;
    }

    private static string ToBash(string[] words) =>
        words.Length == 1 ? words[0] : string.Join(' ', words.Select(w => w.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c)) ? w : ShellScripts.Quote(w)));
}
