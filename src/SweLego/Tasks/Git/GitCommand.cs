using System.Diagnostics;
using System.Text;

namespace SweLego.Tasks.Git;

/// <summary>
/// Runs the git CLI in one working directory, without a shell and isolated from the machine:
/// no system or global config, no inherited <c>GIT_*</c> variables, no prompts, no hooks, no
/// pager, a fixed locale. The same repository therefore gives the same answers on every host,
/// and repository-local settings that run programs (fsmonitor, hooks) are overridden.
/// </summary>
public sealed class GitCommand
{
    // Command-line config wins over the repository's own .git/config, which we do not trust.
    private static readonly string[] FixedConfig =
    [
        "-c", "core.hooksPath=/dev/null",
        "-c", "core.fsmonitor=false",
        "-c", "core.autocrlf=false",
        "-c", "core.quotePath=false",
        "-c", "core.pager=cat",
        "-c", "color.ui=false",
        "-c", "commit.gpgSign=false",
        "-c", "tag.gpgSign=false",
        "-c", "gc.auto=0",
        "-c", "maintenance.auto=false",
        "-c", "init.defaultBranch=main",
        "-c", "advice.detachedHead=false",
        "-c", "safe.directory=*",
    ];

    private readonly IReadOnlyDictionary<string, string> _environment;

    /// <param name="workingDirectory">Where git runs; repository discovery never goes above it.</param>
    /// <param name="environment">Extra variables (for example fixed author dates); applied last.</param>
    public GitCommand(string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(workingDirectory);
        WorkingDirectory = Path.GetFullPath(workingDirectory);
        _environment = environment ?? new Dictionary<string, string>();
    }

    public string WorkingDirectory { get; }

    /// <summary>Runs git and returns its standard output; a non-zero exit throws <see cref="GitException"/>.</summary>
    public Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken) =>
        RunAsync(arguments, standardInput: null, cancellationToken);

    /// <inheritdoc cref="RunAsync(IReadOnlyList{string}, CancellationToken)"/>
    public async Task<string> RunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        var result = await TryRunAsync(arguments, standardInput, cancellationToken);
        if (!result.Succeeded)
        {
            throw new GitException(Describe(arguments), result.ExitCode, result.StandardError, WorkingDirectory);
        }

        return result.StandardOutput;
    }

    /// <summary>Runs git and returns the result whatever the exit code (for commands whose failure is an answer).</summary>
    public async Task<GitResult> TryRunAsync(IReadOnlyList<string> arguments, string? standardInput, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (!Directory.Exists(WorkingDirectory))
        {
            throw new GitException($"{Describe(arguments)}: directory {WorkingDirectory} does not exist");
        }

        using var process = new Process { StartInfo = CreateStartInfo(arguments) };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new GitException($"{Describe(arguments)}: cannot start git ({e.Message}); is git installed?", e);
        }

        try
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken);
            }

            process.StandardInput.Close();
            await process.WaitForExitAsync(cancellationToken);
            return new GitResult(process.ExitCode, await output, await error);
        }
        catch (Exception) when (!HasExited(process))
        {
            // Cancellation (or a broken stdin pipe): never leave git, or the programs it started, running.
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
            throw;
        }
    }

    /// <summary>
    /// Writes the bytes of <paramref name="path"/> at <paramref name="commit"/> to the host file <paramref name="destination"/>
    /// (no filters, no line-ending conversion); false when the commit has no such file.
    /// </summary>
    public async Task<bool> TryWriteBlobAsync(string commit, string path, string destination, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = CreateStartInfo(["cat-file", "blob", $"{commit}:{path}"]) };
        process.Start();
        try
        {
            process.StandardInput.Close();
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await using (var file = new FileStream(destination, FileMode.Create, FileAccess.Write))
                await process.StandardOutput.BaseStream.CopyToAsync(file, cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            await error;
            return process.ExitCode == 0;
        }
        catch (Exception) when (!HasExited(process))
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { }
            throw;
        }
    }

    internal static string Describe(IReadOnlyList<string> arguments) =>
        "git " + string.Join(' ', arguments.Select(a => a.Length == 0 || a.Contains(' ', StringComparison.Ordinal) ? $"'{a}'" : a));

    private static bool HasExited(Process process)
    {
        try { return process.HasExited; }
        catch (InvalidOperationException) { return true; }
    }

    private ProcessStartInfo CreateStartInfo(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            StandardInputEncoding = new UTF8Encoding(false),
        };
        info.ArgumentList.Add("--no-pager");
        foreach (var item in FixedConfig)
        {
            info.ArgumentList.Add(item);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // An inherited GIT_DIR, GIT_INDEX_FILE or GIT_ALTERNATE_OBJECT_DIRECTORIES (set when we run
        // inside a git hook, say) would silently point git at another repository.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        info.Environment["GIT_ATTR_NOSYSTEM"] = "1";
        info.Environment["GIT_TERMINAL_PROMPT"] = "0";
        info.Environment["GIT_NO_REPLACE_OBJECTS"] = "1";
        info.Environment["GIT_EDITOR"] = "true";
        info.Environment["GIT_PAGER"] = "cat";
        info.Environment["LC_ALL"] = "C";
        info.Environment["LANG"] = "C";
        // Discovery must stop at the working directory: auditing or sanitizing a folder inside
        // some other repository must fail rather than act on that outer repository.
        var parent = Path.GetDirectoryName(WorkingDirectory.TrimEnd('/'));
        if (!string.IsNullOrEmpty(parent))
        {
            info.Environment["GIT_CEILING_DIRECTORIES"] = parent;
        }

        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        return info;
    }
}
