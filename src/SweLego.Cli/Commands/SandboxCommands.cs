using System.CommandLine;
using SweLego.Agent;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Shell;

namespace SweLego.Cli.Commands;

/// <summary><c>swelego sandbox run</c>: run one command in a sandbox and print what the agent would see.</summary>
internal static class SandboxCommands
{
    public static Command Create()
    {
        var sandbox = new Command("sandbox", "Diagnose the sandbox runtime (bwrap, docker).\n\nExample:\n  swelego sandbox run -- python3 -c 'print(42)'");
        sandbox.Subcommands.Add(CreateRun());
        sandbox.Subcommands.Add(SandboxRootFsCommand.Create());
        return sandbox;
    }

    private static Command CreateRun()
    {
        var backend = CommonOptions.Backend();
        var dockerHost = CommonOptions.DockerHost();
        var image = new Option<string?>("--image") { Description = "Container image (docker only; default: swelego/base:bookworm-2).", HelpName = "IMAGE" };
        var workspace = new Option<string?>("--workspace", "-w")
        {
            Description = "Host directory mounted read-write as the workspace (default: a new empty temporary directory; with --image and no --workspace, the image's working directory).",
            HelpName = "DIR",
        };
        var workdir = new Option<string?>("--workdir") { Description = "Workspace path inside the sandbox (default: the host path, or the image's working directory).", HelpName = "PATH" };
        var timeout = new Option<double>("--timeout", "-t") { Description = "Hard timeout of the command in seconds.", DefaultValueFactory = _ => 120, HelpName = "SECONDS" };
        var memory = new Option<int>("--memory") { Description = "Memory limit in MiB.", DefaultValueFactory = _ => 2048, HelpName = "MIB" };
        var processes = new Option<int>("--max-processes") { Description = "Process limit.", DefaultValueFactory = _ => 512, HelpName = "N" };
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
            "  swelego sandbox run --backend docker --image swelego/base:bookworm-2 --workdir /testbed -- 'ls -la && git --version'");
        foreach (var option in (Option[])[backend, dockerHost, image, workspace, workdir, timeout, memory, processes]) run.Options.Add(option);
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
                    Limits = SandboxLimits.Default with
                    {
                        CommandTimeout = TimeSpan.FromSeconds(parse.GetValue(timeout)),
                        MemoryBytes = (long)parse.GetValue(memory) << 20,
                        MaxProcesses = parse.GetValue(processes),
                    },
                };
                try { spec.Validate(); }
                catch (ArgumentException e) { throw new UsageException(e.Message, e); }

                await using var session = await SandboxBackends.Create(backendName, parse.GetValue(dockerHost)).StartAsync(spec, cancellationToken);
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

    private static string ToBash(string[] words) =>
        words.Length == 1 ? words[0] : string.Join(' ', words.Select(w => w.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c)) ? w : ShellScripts.Quote(w)));
}
