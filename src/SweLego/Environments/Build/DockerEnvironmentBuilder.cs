using Docker.DotNet;
using Docker.DotNet.Models;
using SweLego.Sandboxes;
using SweLego.Sandboxes.Docker;

namespace SweLego.Environments.Build;

/// <summary>
/// Builds an environment as a Docker image through the Engine API: the repository is copied
/// to /testbed, a venv at <see cref="VenvPath"/> gets the install steps (offline as in
/// <see cref="LocalEnvironmentBuilder"/>), and the requirements it lacks are recorded in the
/// image. The image is named by spec hash and commit, labelled
/// <see cref="EnvironmentImageCache.LabelKey"/>=spec hash, and reused while it exists (a reuse
/// re-tags it, which marks it recently used for <see cref="EnvironmentImageCache"/>). With
/// <see cref="DockerEnvironmentOptions.ImageBudgetBytes"/> set, the environment images are pruned
/// to that budget afterwards, never the one just built. Only the build uses the host network
/// (containers never have one).
/// </summary>
public static class DockerEnvironmentBuilder
{
    public const string Workdir = "/testbed";
    public const string VenvPath = "/opt/swelego-env";
    private const string UnmetFile = VenvPath + "/unmet.txt";
    private const string DockerfileName = ".swelego.Dockerfile";

    /// <summary>The repository of environment images: swelego/env:&lt;spec hash&gt;[-offline]-&lt;commit12&gt;.</summary>
    public const string Repository = "swelego/env";

    public static async Task<EnvironmentBuildResult> BuildAsync(
        EnvironmentSpec spec, string repository, string commit, bool offline, DockerBackendOptions? options = null,
        DockerEnvironmentOptions? environment = null, CancellationToken cancellationToken = default)
    {
        options ??= new DockerBackendOptions();
        environment ??= new DockerEnvironmentOptions();
        string tagName = $"{spec.ContentHash}{(offline ? "-offline" : "")}-{commit[..Math.Min(12, commit.Length)]}";
        string tag = $"{Repository}:{tagName}";
        var endpoint = DockerEndpoint.Resolve(options.Endpoint);
        using var client = DockerEndpoint.CreateClient(endpoint);
        bool reused = await ImageExistsAsync(client, endpoint, tag, cancellationToken);
        var steps = new List<EnvironmentBuildStep>();
        if (reused)
        {
            // Same name again: only Metadata.LastTagTime changes, the image's "last used" for pruning.
            await Daemon(endpoint, $"re-tag {tag}", () => client.Images.TagImageAsync(
                tag, new ImageTagParameters { RepositoryName = Repository, Tag = tagName }, cancellationToken));
        }
        else
        {
            var labels = new Dictionary<string, string>(environment.ExtraLabels) { [EnvironmentImageCache.LabelKey] = spec.ContentHash };
            string python = VenvPath + "/bin/python";
            string[] run = [EnvironmentCommands.CreateVenv(VenvPath, offline), .. EnvironmentCommands.Install(spec, VenvPath, offline)];
            var contextFiles = EnvironmentCommands.SourceFiles(spec).ToDictionary(f => ".swelego-source-" + f.Key, f => f.Value);
            string copySource = string.Concat(contextFiles.Keys.Select(name =>
                $"COPY {name} {VenvPath}/{EnvironmentCommands.SourceFolder}/{name[".swelego-source-".Length..]}\n"));
            // Exec-form RUN with a JSON string: the commands may span lines (the check script does).
            string dockerfile =
                $"FROM {options.DefaultImage}\nCOPY testbed {Workdir}\n{copySource}WORKDIR {Workdir}\n" +
                $"RUN {RunShell(string.Join(" && ", run))}\n" +
                $"RUN {RunShell($"{EnvironmentCommands.CheckRequirements(spec, python)} > {UnmetFile}")}\n";
            contextFiles[DockerfileName] = dockerfile;
            await using var context = TarArchives.FromDirectory(repository, "testbed", contextFiles);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            DockerImageBuild.Result built;
            try
            {
                // The build, and only the build, uses the host network: installs may need an index.
                built = await DockerImageBuild.RunAsync(client, context, new ImageBuildParameters
                {
                    Tags = [tag],
                    Dockerfile = DockerfileName,
                    Labels = labels,
                    NetworkMode = "host",
                    Remove = true,
                    ForceRemove = true,
                }, cancellationToken);
            }
            catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
            {
                built = new DockerImageBuild.Result(false, null, DockerErrors.Translate(e, endpoint, $"build {tag}").Message, null, dockerfile);
            }

            steps.Add(new EnvironmentBuildStep($"docker build -t {tag}", built.Succeeded ? 0 : built.ErrorCode ?? 1, built.Log, clock.Elapsed));
            if (!built.Succeeded)
            {
                string problem = BuildProblem.Describe($"docker build -t {tag}", built.ErrorCode ?? 1, built.Log + "\n" + built.Error, hostFolder: null);
                return new EnvironmentBuildResult(false, VenvPath, spec.ContentHash, [], steps, $"building {tag} failed: {problem}") { Image = tag };
            }
        }

        string unmet;
        EnvironmentInstall install;
        await using (var session = await new DockerBackend(options).StartAsync(new SandboxSpec { Image = tag, Workdir = Workdir }, cancellationToken))
        {
            unmet = System.Text.Encoding.UTF8.GetString(await session.ReadFileAsync(UnmetFile, cancellationToken));
            string status = $"{VenvPath}/{EnvironmentCommands.SourceFolder}/{EnvironmentCommands.StatusFile}";
            install = EnvironmentCommands.ReadInstall((await session.ExecAsync($"cat {status} 2>/dev/null || true", null, cancellationToken)).Output);
        }
        var missing = unmet.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        ImagePruneResult? pruned = null;
        if (environment.ImageBudgetBytes is { } budget)
        {
            var cache = new EnvironmentImageCache(client, environment.PruneLabelFilter);
            pruned = await Daemon(endpoint, "prune environment images", () => cache.PruneAsync(budget, [tag], dryRun: false, cancellationToken));
        }

        return new EnvironmentBuildResult(true, VenvPath, spec.ContentHash, missing, steps, Problem: null) { Image = tag, Reused = reused, ImagePrune = pruned, Install = install };
    }

    private static async Task<bool> ImageExistsAsync(DockerClient client, Uri endpoint, string image, CancellationToken cancellationToken)
    {
        try
        {
            await Daemon(endpoint, $"inspect {image}", () => client.Images.InspectImageAsync(image, cancellationToken));
            return true;
        }
        catch (SandboxException e) when (e.InnerException is DockerApiException api && DockerErrors.IsNotFound(api))
        {
            return false;
        }
    }

    /// <summary>Runs one daemon call; its failures become <see cref="SandboxException"/>s that say what to do.</summary>
    private static async Task<T> Daemon<T>(Uri endpoint, string action, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, endpoint, action);
        }
    }

    private static async Task Daemon(Uri endpoint, string action, Func<Task> call)
    {
        try
        {
            await call();
        }
        catch (Exception e) when (DockerErrors.IsDaemonFailure(e))
        {
            throw DockerErrors.Translate(e, endpoint, action);
        }
    }

    private static string RunShell(string command) => System.Text.Json.JsonSerializer.Serialize(new[] { "/bin/sh", "-c", command });
}
