using System.Collections.Concurrent;
using System.Diagnostics;

namespace SweLego.Sandboxes.Bwrap;

/// <summary>
/// Starts processes from one thread that lives as long as the application. bwrap's
/// <c>--die-with-parent</c> uses PR_SET_PDEATHSIG, which fires when the forking *thread*
/// exits; a thread-pool thread that retires would otherwise SIGKILL a healthy sandbox.
/// </summary>
internal static class ProcessSpawner
{
    private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Result)> Requests = [];

    static ProcessSpawner()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "swelego-process-spawner" };
        thread.Start();
    }

    public static Task<Process> StartAsync(ProcessStartInfo info)
    {
        var result = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
        Requests.Add((info, result));
        return result.Task;
    }

    private static void Run()
    {
        foreach (var (info, result) in Requests.GetConsumingEnumerable())
        {
            try
            {
                result.SetResult(Process.Start(info) ?? throw new SandboxException($"{info.FileName} did not start."));
            }
            catch (Exception e)
            {
                result.SetException(e);
            }
        }
    }
}
