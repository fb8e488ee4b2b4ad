using System.Collections.Concurrent;
using SweLego.Evaluation.Inputs;
using SweLego.Runs;
using SweLego.Sandboxes.Docker;
using SweLego.Tasks.Harness.Specs;

namespace SweLego.Evaluation;

/// <summary>
/// Finds each instance's environment: ours for the instances we made (their record names it, with
/// paths relative to the run folder that holds the instances file), else the first image of the
/// instance's candidates (its own image column, then SWE-bench's naming convention) that exists on
/// the daemon, with the harness's test command for its repository and version. Nothing found is an
/// error naming everything looked for, never an unresolved verdict. Image lookups are cached.
/// </summary>
internal sealed class EvaluationEnvironments
{
    private readonly DockerBackendOptions docker;
    private readonly ConcurrentDictionary<string, Lazy<Task<bool>>> images = new(StringComparer.Ordinal);
    private readonly string? instancesRun;

    /// <param name="instancesFile">The instances file: our instances' paths are relative to the run folder holding it.</param>
    public EvaluationEnvironments(DockerBackendOptions docker, string instancesFile)
    {
        this.docker = docker;
        instancesRun = RunFolder.FindContaining(instancesFile);
    }

    /// <summary>The run folder our instances' environment paths are relative to.</summary>
    public string InstancesRun(EvaluationInstance instance) => instancesRun
        ?? throw new InvalidOperationException($"{instance.Origin}: {instance.InstanceId} is one of SweLego's instances, but its file is not inside a run folder (no manifest.json above it), which its environment's paths are relative to.");

    /// <summary>The parser of the instance's test output: the one its environment recorded, or the harness's for its repository.</summary>
    public static string LogParser(EvaluationInstance instance) =>
        instance.Task?.Environment.Spec.LogParser ?? SweBenchSpecs.LogParser(instance.Repo) ?? "pytest";

    public async Task<EvaluationEnvironment> ResolveAsync(EvaluationInstance instance, CancellationToken cancellationToken)
    {
        if (instance.Task is { } task) return new EvaluationEnvironment(task.Environment, null, null);
        if (!SweBenchSpecs.TryGet(instance.Repo, instance.Version, out _))
        {
            var versions = SweBenchSpecs.Versions(instance.Repo);
            return EvaluationEnvironment.Missing(versions.Count == 0
                ? $"no test command for {instance.Repo}: the SWE-bench harness's tables cover {string.Join(", ", SweBenchSpecs.Repositories)}"
                : $"no test command for {instance.Repo} version '{instance.Version}': the harness knows versions {string.Join(", ", versions)}");
        }

        var names = EvaluationImages.Candidates(instance);
        foreach (string name in names)
        {
            if (await images.GetOrAdd(name, n => new Lazy<Task<bool>>(() => ExistsAsync(n, cancellationToken))).Value)
                return new EvaluationEnvironment(null, name, null);
        }

        return EvaluationEnvironment.Missing(
            $"no image for {instance.InstanceId}: {string.Join(", ", names)} not found on {DockerEndpoint.Resolve(docker.Endpoint)} (build or pull it; SweLego never pulls)");
    }

    private async Task<bool> ExistsAsync(string image, CancellationToken cancellationToken)
    {
        var endpoint = DockerEndpoint.Resolve(docker.Endpoint);
        using var client = DockerEndpoint.CreateClient(endpoint);
        try
        {
            await client.Images.InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (Exception e) when (DockerErrors.IsNotFound(e))
        {
            return false;
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, endpoint, $"look for image {image}");
        }
    }
}
