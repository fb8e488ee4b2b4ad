using System.Text;
using SweLego.Sandboxes;
using SweLego.Tasks.Harness;

namespace SweLego.Tasks.Synthetic;

/// <summary>
/// One pytest run that decides a bug candidate cheaply: the tests that execute the mutated
/// function run first (an embedded plugin reorders the session); when none of them fails the
/// session stops there (<see cref="StoppedEarly"/>, the bug survives), otherwise the rest of the
/// suite runs in the same process and the statuses are complete. With <c>onlyCovering</c> the
/// covering tests are all that runs (files holding none of them are not collected): the fast
/// mode, whose other statuses come from the clean baseline. The run goes through the session's
/// <see cref="PytestForkServer"/> when the test command allows it.
/// </summary>
internal sealed record CoveringFirstRun(TestRunResult Run, bool StoppedEarly)
{
    private const string PluginModule = "swelego_first";
    private const string StopReason = "swelego: none of the covering tests failed";

    private static readonly Lazy<byte[]> Plugin = new(() => EmbeddedResources.ReadBytes($"SweLego.Tasks.Synthetic.{PluginModule}.py"));

    public static async Task<CoveringFirstRun> RunAsync(
        ISandboxSession session, string testCommand, IReadOnlyList<string> covering, bool onlyCovering, ITestLogParser parser, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        string folder = $"{session.Workdir.TrimEnd('/')}/.git/swelego";
        string list = $"{folder}/first-{Guid.NewGuid():N}.txt";
        await session.WriteFileAsync($"{folder}/{PluginModule}.py", Plugin.Value, cancellationToken);
        await session.WriteFileAsync(list, Encoding.UTF8.GetBytes(string.Join('\n', covering) + "\n"), cancellationToken);
        string pytest = await PytestForkServer.CommandAsync(session, testCommand, ["-p", PluginModule], cancellationToken);
        string command =
            $"(export PYTHONPATH={BashQuoting.Quote(folder)}${{PYTHONPATH:+:$PYTHONPATH}} SWELEGO_FIRST={BashQuoting.Quote(list)} SWELEGO_ONLY={(onlyCovering ? 1 : 0)}\n{pytest}\n)";
        var run = await SandboxTestRunner.RunAsync(session, command, [], parser, timeout, cancellationToken);
        bool stopped = !onlyCovering && run.Outcome.ExitCode == 2 && TestLog.Extract(run.Log).Output?.Contains(StopReason, StringComparison.Ordinal) == true;
        return new CoveringFirstRun(run, stopped);
    }
}
