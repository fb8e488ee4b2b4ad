using System.Globalization;
using System.Text;
using SweLego.Environments.Backends;
using SweLego.Sandboxes;
using SweLego.Tasks.Git;

namespace SweLego.Tasks.Harness;

/// <summary>
/// One unit of parallelism for validation and evaluation: a host checkout that borrows the run's
/// mirror (read for environment inference and diffs), an environment backend, and a sandbox
/// session kept across items that share an environment. Every patch is applied inside the
/// session, the same way on every backend, from a file (never argv): a hostile patch only ever
/// meets the sandbox's view of the file system. With bwrap the tests run on the host checkout
/// (its .git read-only inside); with docker on the image's own /testbed.
/// </summary>
public sealed class TaskSandbox(string checkout, string mirror, IEnvironmentBackend backend, string runDirectory) : IAsyncDisposable
{
    /// <summary>Workdir-relative folder for patch files and staged files: inside .git, so never part of the tree (and read-only to bwrap sandboxes).</summary>
    public const string StagingFolder = ".git/swelego";

    private ISandboxSession? _session;
    private string? _sessionEnvironment;

    // The tree the last PrepareAsync made (a 5.0.2 cascade restores it before each retry).
    private (string Commit, IReadOnlyList<string> Patches)? _base;

    // The commit the host checkout is at with nothing changed since (no patch, no test run): diffing there needs no checkout.
    private string? _pristineAt;

    public string Checkout { get; } = checkout;

    public IEnvironmentBackend Backend { get; } = backend;

    /// <summary>Puts the host checkout at <paramref name="commit"/> with no leftovers from the previous item.</summary>
    public async Task CheckoutAsync(string commit, CancellationToken cancellationToken)
    {
        await CloneAsync(cancellationToken);
        await TreeCheckout.OnHostAsync(Checkout, commit, cancellationToken);
        _pristineAt = commit;
    }

    /// <summary>
    /// The patch that turns <paramref name="file"/> at <paramref name="commit"/> into <paramref name="content"/>,
    /// and its reverse, computed in the host checkout (left as it was).
    /// </summary>
    public async Task<(string Forward, string Reverse)> DiffAsync(string commit, string file, byte[] content, CancellationToken cancellationToken)
    {
        if (_pristineAt != commit) await CheckoutAsync(commit, cancellationToken);
        string path = Path.Combine(Checkout, file);
        byte[] original = await File.ReadAllBytesAsync(path, cancellationToken);
        await File.WriteAllBytesAsync(path, content, cancellationToken);
        try
        {
            var git = new GitCommand(Checkout);
            string[] diff = ["diff", "--no-color", "--no-ext-diff", "--src-prefix=a/", "--dst-prefix=b/"];
            string forward = await git.RunAsync([.. diff, "--", ":(literal)" + file], cancellationToken);
            string reverse = await git.RunAsync([.. diff, "-R", "--", ":(literal)" + file], cancellationToken);
            return (forward, reverse);
        }
        finally
        {
            await File.WriteAllBytesAsync(path, original, CancellationToken.None);
        }
    }

    /// <summary>The session for <paramref name="environment"/>, started (and activated) on first use or when the environment changes.</summary>
    public async Task<ISandboxSession> SessionAsync(TaskEnvironment environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (_session is not null && _sessionEnvironment == environment.Id) return _session;
        await ResetAsync();
        await CloneAsync(cancellationToken);
        var session = await Backend.StartSessionAsync(environment.Locate(runDirectory), Checkout, cancellationToken);
        (_session, _sessionEnvironment) = (session, environment.Id);
        return session;
    }

    /// <summary>Ends the session (after a timeout or a crash it may be unusable); the next item starts a new one.</summary>
    public async Task ResetAsync()
    {
        if (_session is not null) await _session.DisposeAsync();
        (_session, _sessionEnvironment) = (null, null);
    }

    /// <summary>
    /// The tree the tests run on: <paramref name="commit"/> with <paramref name="patches"/> applied strictly,
    /// in order (empty ones skipped: a synthetic task has no test patch). Returns null, or why a patch does not apply.
    /// </summary>
    public async Task<string?> PrepareAsync(ISandboxSession session, string commit, IReadOnlyList<string> patches, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        patches = [.. patches.Where(p => p.Length > 0)];
        _pristineAt = null;
        _base = (commit, patches);
        await Backend.CheckoutTreeAsync(session, Checkout, commit, cancellationToken);
        for (int i = 0; i < patches.Count; i++)
        {
            var applied = await ApplyOnceAsync(session, patches[i], PatchApplyMode.Strict, $"prepare-{i + 1}.diff", cancellationToken);
            if (!applied.Applied) return $"patch {i + 1} of {patches.Count}: {applied.Problem}";
        }

        return null;
    }

    /// <summary>
    /// Applies <paramref name="patch"/> to the session's tree as it is: strictly, or with the SWE-bench harness's
    /// cascade of <paramref name="mode"/>. Every attempt is in the result, whether or not one worked.
    /// </summary>
    public Task<PatchApplication> ApplyPatchAsync(ISandboxSession session, string patch, PatchApplyMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(patch);
        return ApplyOnceAsync(session, patch, mode, "patch.diff", cancellationToken);
    }

    // Each patch file has its own name (a 5.0.2 retry re-applies the prepare patches before the patch again); each is overwritten next time.
    private Task<PatchApplication> ApplyOnceAsync(ISandboxSession session, string patch, PatchApplyMode mode, string name, CancellationToken cancellationToken)
    {
        _pristineAt = null;
        return PatchApplier.ApplyAsync(session, patch, $"{StagingFolder}/{name}", mode, token => RestoreBaseAsync(session, token), cancellationToken);
    }

    private async Task RestoreBaseAsync(ISandboxSession session, CancellationToken cancellationToken)
    {
        var (commit, patches) = _base ?? throw new InvalidOperationException("A 5.0.2 patch cascade restores the prepared tree: call PrepareAsync first.");
        if (await PrepareAsync(session, commit, patches, cancellationToken) is { } problem)
            throw new SandboxException($"restoring the tree at {commit} failed: {problem}");
    }

    /// <summary>
    /// Puts <paramref name="files"/> (repository-relative) back to their content at <paramref name="commit"/>; a file the
    /// commit does not have is removed. Done inside the sandbox: a symbolic link or a file the tree now has where a folder
    /// of the path was is removed first, so nothing is written through a link a patch or test suite planted.
    /// </summary>
    public async Task ResetFilesAsync(ISandboxSession session, string commit, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0) return;
        foreach (string file in files) CheckRepositoryPath(file);
        _pristineAt = null;
        string staging = $"{StagingFolder}/reset";
        var found = await Backend.StageFilesAsync(session, Checkout, mirror, commit, files, staging, cancellationToken);
        var script = new StringBuilder();
        for (int i = 0; i < files.Count; i++)
        {
            string[] parts = files[i].Split('/');
            for (int depth = 1; depth < parts.Length; depth++)
            {
                string folder = BashQuoting.Quote(string.Join('/', parts[..depth]));
                script.Append($"if [ -L {folder} ] || {{ [ -e {folder} ] && [ ! -d {folder} ]; }}; then rm -f -- {folder}; fi\n");
            }

            string target = BashQuoting.Quote(files[i]);
            script.Append($"rm -rf -- {target}\n");
            if (!found[i]) continue;
            if (parts.Length > 1) script.Append($"mkdir -p -- {BashQuoting.Quote(string.Join('/', parts[..^1]))}\n");
            script.Append($"cp -- {BashQuoting.Quote($"{staging}/{i.ToString(CultureInfo.InvariantCulture)}")} {target}\n");
        }

        var result = await PatchApplier.RunInWorkdirAsync(session, $"set -e\n{script}", "reset files", cancellationToken);
        if (!result.Succeeded) throw new SandboxException($"resetting {files.Count} file(s) to {commit} failed (exit {result.ExitCode}): {result.Output.Trim()}");
    }

    // Relative, inside the tree, never into .git: anything else is a bug of the caller (or a hostile test patch).
    private static void CheckRepositoryPath(string file)
    {
        var parts = file.Split('/');
        if (file.Length == 0 || file.StartsWith('/') || parts.Any(p => p is "" or "." or ".." || p.Equals(".git", StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"'{file}' is not a repository file path (relative, no '.', '..' or .git parts).", nameof(file));
    }

    private async Task CloneAsync(CancellationToken cancellationToken)
    {
        if (Directory.Exists(Path.Combine(Checkout, ".git"))) return;
        if (Directory.Exists(Checkout)) Directory.Delete(Checkout, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(Checkout)!);
        await new GitCommand(Path.GetDirectoryName(Checkout)!).RunAsync(["clone", "--quiet", "--shared", "--no-checkout", mirror, Checkout], cancellationToken);
    }

    public async ValueTask DisposeAsync() => await ResetAsync();
}
