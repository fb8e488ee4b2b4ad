using System.Text;
using SweLego.Sandboxes;

namespace SweLego.Tasks.Harness;

/// <summary>
/// The one place patches are applied, on every backend the same way: written into the sandbox as a
/// file (never argv) and applied there by git or patch, so a hostile patch only meets the sandbox's
/// view of the file system. Strict for gold and test patches; the SWE-bench harness's cascade of
/// the chosen version for model patches (<see cref="PatchApplyMode"/>).
/// </summary>
public static class PatchApplier
{
    private static readonly ExecOptions PatchLimit = new() { Timeout = TimeSpan.FromMinutes(5) };

    private static readonly string[] Strict = ["git apply --verbose --whitespace=nowarn"];
    private static readonly string[] Cascade404 = ["git apply --verbose", "git apply --verbose --reject", "patch --batch --fuzz=5 -p1 -i"];
    private static readonly string[] Cascade502 = ["git apply --verbose", "git apply --verbose --3way", "git apply --verbose --reject", "patch --batch --forward --fuzz=5 -p1 -i"];

    /// <summary>The commands <paramref name="mode"/> tries, in order.</summary>
    public static IReadOnlyList<string> Commands(PatchApplyMode mode) => mode switch
    {
        PatchApplyMode.Strict => Strict,
        PatchApplyMode.Harness404 => Cascade404,
        PatchApplyMode.Harness502 => Cascade502,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown patch mode"),
    };

    /// <summary>
    /// Writes <paramref name="patch"/> to <paramref name="file"/> (workdir-relative) and applies it with <paramref name="mode"/>'s
    /// commands; for 5.0.2 the tree is restored by <paramref name="restore"/> before each retry, and when all fail a patch that
    /// <c>git apply --check --reverse</c> finds already applied counts as applied, as there. Every attempt is in the result.
    /// </summary>
    public static async Task<PatchApplication> ApplyAsync(
        ISandboxSession session, string patch, string file, PatchApplyMode mode, Func<CancellationToken, Task> restore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(patch);
        ArgumentNullException.ThrowIfNull(restore);
        await session.WriteFileAsync($"{session.Workdir}/{file}", Encoding.UTF8.GetBytes(patch), cancellationToken);
        var attempts = new List<PatchAttempt>();
        foreach (string command in Commands(mode))
        {
            if (attempts.Count > 0 && mode == PatchApplyMode.Harness502) await restore(cancellationToken);
            var attempt = await RunInWorkdirAsync(session, $"{command} {BashQuoting.Quote(file)}", command, cancellationToken);
            attempts.Add(attempt);
            if (attempt.Succeeded) return new PatchApplication(true, command, attempts);
        }

        if (mode == PatchApplyMode.Harness502)
        {
            // The cascade can leave the patch applied although every command failed.
            var reverse = await RunInWorkdirAsync(session, $"git apply --check --reverse {BashQuoting.Quote(file)}", "git apply --check --reverse", cancellationToken);
            attempts.Add(reverse);
            if (reverse.Succeeded) return new PatchApplication(true, "git apply --check --reverse", attempts);
        }

        return new PatchApplication(false, null, attempts);
    }

    /// <summary>What 5.0.2 runs between attempts in an image's repository: back to the index, untracked files removed (ignored build outputs kept).</summary>
    public static async Task RestoreIndexAsync(ISandboxSession session, CancellationToken cancellationToken)
    {
        var result = await RunInWorkdirAsync(session, "git checkout -- . ; git clean -fd", "restore", cancellationToken);
        if (!result.Succeeded) throw new SandboxException($"restoring the tree between patch attempts failed (exit {result.ExitCode}): {result.Output.Trim()}");
    }

    /// <summary>Runs <paramref name="command"/> in a subshell at the workdir: <c>set -e</c> or a <c>cd</c> never outlives it in the persistent shell.</summary>
    internal static async Task<PatchAttempt> RunInWorkdirAsync(ISandboxSession session, string command, string label, CancellationToken cancellationToken)
    {
        var result = await session.ExecAsync($"(cd {BashQuoting.Quote(session.Workdir)} || exit 1\n{command}\n) 2>&1", PatchLimit, cancellationToken);
        return new PatchAttempt(label, result.ExitCode, result.Output);
    }
}
