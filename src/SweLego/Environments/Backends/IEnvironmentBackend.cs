using SweLego.Environments.Build;
using SweLego.Sandboxes;

namespace SweLego.Environments.Backends;

/// <summary>
/// One way to build and run environments, chosen once at start-up (<see cref="EnvironmentBackends.Create"/>)
/// from <c>--backend</c>: a venv in a bwrap sandbox on the host checkout, or a docker image holding
/// the repository at /testbed. It knows the workdir, how a session on a built environment starts,
/// where the repository the tests run on lives (host checkout mounted, or the image's copy) and
/// how to tell whether it can run at all. Callers never compare backend names.
/// </summary>
public interface IEnvironmentBackend
{
    /// <summary>The stable name (<see cref="SandboxBackends"/>), recorded in task instances.</summary>
    string Name { get; }

    /// <summary>Where the repository is in the sandbox; an editable install points here.</summary>
    string Workdir { get; }

    /// <summary>True when a build copies the checkout away (into an image), so the build's clone must own its objects.</summary>
    bool CopiesCheckout { get; }

    /// <summary>Fails fast with a message that says what to do when the backend cannot run here (the daemon is down).</summary>
    Task EnsureAvailableAsync(CancellationToken cancellationToken);

    /// <summary>Builds (or reuses) the environment of <paramref name="spec"/> from <paramref name="checkout"/> at <paramref name="commit"/>.</summary>
    /// <param name="environmentsRoot">Host folder for local environments (venvs); unused by image builds.</param>
    Task<EnvironmentBuildResult> BuildAsync(
        EnvironmentSpec spec, string checkout, string commit, string environmentsRoot, bool offline, CancellationToken cancellationToken);

    /// <summary>The location of a built environment.</summary>
    EnvironmentLocation Locate(EnvironmentBuildResult build);

    /// <summary>An activated session on <paramref name="environment"/>, its repository at <see cref="Workdir"/>.</summary>
    /// <param name="hostCheckout">The host checkout (mounted at the workdir by backends that use it).</param>
    Task<ISandboxSession> StartSessionAsync(EnvironmentLocation environment, string hostCheckout, CancellationToken cancellationToken);

    /// <summary>
    /// An activated session for an agent whose repository is <paramref name="workspace"/>: a sanitized clone at
    /// <paramref name="baseCommit"/> that the agent owns, its .git included (it may stage, stash or commit). The
    /// host never runs git in it afterwards; the result patch is taken inside the sandbox. Bwrap mounts it at the
    /// workdir; docker replaces the image's repository history with the workspace's and checks out the base.
    /// </summary>
    Task<ISandboxSession> StartWorkspaceSessionAsync(EnvironmentLocation environment, string workspace, string baseCommit, CancellationToken cancellationToken);

    /// <summary>Puts the repository the session's tests run on at <paramref name="commit"/>, with no untracked files left (installed metadata kept).</summary>
    Task CheckoutTreeAsync(ISandboxSession session, string hostCheckout, string commit, CancellationToken cancellationToken);

    /// <summary>
    /// Copies each of <paramref name="files"/> as it is at <paramref name="commit"/> into the workdir-relative
    /// <paramref name="stagingFolder"/> (file i named i), from <paramref name="mirror"/> on the host or from the
    /// sandbox's own repository. Returns, per file, whether the commit has it.
    /// </summary>
    Task<IReadOnlyList<bool>> StageFilesAsync(
        ISandboxSession session, string hostCheckout, string mirror, string commit, IReadOnlyList<string> files, string stagingFolder,
        CancellationToken cancellationToken);
}
