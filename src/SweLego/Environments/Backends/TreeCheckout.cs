using SweLego.Sandboxes;
using SweLego.Tasks.Git;

namespace SweLego.Environments.Backends;

/// <summary>
/// Putting a repository's tree at a commit with nothing else in it, on the host or in a sandbox: one
/// definition of "clean" (forced checkout, every untracked and ignored file removed except the
/// installed project's metadata, which an editable install needs).
/// </summary>
public static class TreeCheckout
{
    private const string Kept = "*.egg-info";

    /// <summary>The host repository at <paramref name="checkout"/> at <paramref name="commit"/>, clean.</summary>
    public static async Task OnHostAsync(string checkout, string commit, CancellationToken cancellationToken)
    {
        var git = new GitCommand(checkout);
        await git.RunAsync(["checkout", "--quiet", "--force", "--detach", commit], cancellationToken);
        await git.RunAsync(["clean", "--quiet", "-ffdx", "-e", Kept], cancellationToken);
    }

    /// <summary>The same, as a command for a sandbox's shell at the repository.</summary>
    public static string Command(string commit) =>
        $"git -c advice.detachedHead=false -c core.hooksPath=/dev/null checkout -q -f --detach {BashQuoting.Quote(commit)} && git clean -q -ffdx -e {BashQuoting.Quote(Kept)}";
}
