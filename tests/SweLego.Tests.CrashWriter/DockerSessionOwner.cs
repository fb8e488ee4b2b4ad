using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;

namespace SweLego.Tests.CrashWriter;

/// <summary>
/// The "docker-session" mode: owns a docker session on the base image, prints "ready &lt;container
/// id&gt;" and waits to be killed, so a test can check that the container dies with its owner.
/// </summary>
public static class DockerSessionOwner
{
    public const string Mode = "docker-session";

    public static async Task<int> RunAsync()
    {
        var session = await new DockerBackend().StartAsync(new SandboxSpec { Image = DockerBackendOptions.BaseImage, Workdir = "/workspace" });
        // Docker names the container's host after the first 12 characters of its id.
        string id = (await session.ExecAsync("cat /etc/hostname")).Output.Trim();
        Console.WriteLine($"ready {id}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}
