using System.Collections.Concurrent;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace SweLego.Sandboxes.Docker;

/// <summary>
/// Removes what swelego processes that are gone left on the daemon. A session's container
/// normally ends with its owner (its keeper reads the owner's attached stdin), but a container
/// created and never started, or a volume whose container went without it, stays: everything
/// labelled <see cref="DockerBackend.OwnerLabel"/> whose owner <see cref="SandboxOwner.IsGone"/>
/// goes. Owners on other machines or boots are never judged gone, so a shared daemon is safe.
/// </summary>
public static class DockerLeftovers
{
    /// <summary>How long a reap may take before it gives up (a hung daemon must not hold up a session).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    // Once per process and daemon: the CLI's start or the first session, whichever comes first.
    private static readonly ConcurrentDictionary<string, Lazy<Task<int>>> Reaps = new(StringComparer.Ordinal);

    /// <summary><see cref="ReapAsync"/> once per process and endpoint; later calls wait for that one.</summary>
    public static Task<int> ReapOnceAsync(DockerBackendOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        string endpoint = DockerEndpoint.Resolve(options.Endpoint).ToString();
        return Reaps.GetOrAdd(endpoint, key => new Lazy<Task<int>>(() => ReapAsync(options with { Endpoint = key }, CancellationToken.None)))
            .Value.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Force-removes (with their volumes) the containers and volumes of gone owners and returns
    /// how many went. Never throws for an unreachable or failing daemon: it returns what it removed.
    /// </summary>
    public static async Task<int> ReapAsync(DockerBackendOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        using var client = DockerEndpoint.CreateClient(options.Endpoint);
        var filter = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [DockerBackend.OwnerLabel] = true } };
        int removed = 0;
        try
        {
            var containers = await client.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = filter }, timeout.Token);
            foreach (var container in containers.Where(c => IsGone(c.Labels)))
            {
                if (await TryAsync(() => client.Containers.RemoveContainerAsync(
                        container.ID, new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, timeout.Token)))
                    removed++;
            }

            var volumes = await client.Volumes.ListAsync(new VolumesListParameters { Filters = filter }, timeout.Token);
            foreach (var volume in (volumes.Volumes ?? []).Where(v => IsGone(v.Labels)))
            {
                if (await TryAsync(() => client.Volumes.RemoveAsync(volume.Name, force: true, timeout.Token))) removed++;
            }
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e) || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Unreachable, refusing or too slow: leftovers wait for the next process's reap.
        }

        return removed;
    }

    private static bool IsGone(IDictionary<string, string>? labels) =>
        labels is not null && labels.TryGetValue(DockerBackend.OwnerLabel, out string? owner) && SandboxOwner.Parse(owner)?.IsGone() == true;

    /// <summary>False when the object is already gone (404) or on its way (409: removal in progress, or a volume still in use).</summary>
    private static async Task<bool> TryAsync(Func<Task> remove)
    {
        try
        {
            await remove();
            return true;
        }
        catch (DockerApiException e) when (DockerErrors.IsNotFound(e) || DockerErrors.IsConflict(e))
        {
            return false;
        }
    }
}
